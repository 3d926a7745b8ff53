package io.tideline.regime.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A team's own checklist step, registered as an OSGi service by a plugin: the verdict of every
 * day lists it after the five built-in steps (it does not change the regime, tier or action,
 * which follow the documented rules of the five). A step that throws is shown as UNKNOWN with
 * its error; the rest of the verdict stands.
 */
@ConsumerType
public interface ChecklistStep {

    /** A stable id shown with the verdict, e.g. {@code acme.credit}; not one of the five built-in ids. */
    String id();

    /**
     * Evaluates the step for one day, reading only what the context offers (data up to the end of
     * that day, so a replay has no look-ahead).
     */
    Step evaluate(StepContext context);
}
