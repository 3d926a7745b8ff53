package io.tideline.example.checkstep;

import io.tideline.api.series.SeriesData;
import io.tideline.regime.api.ChecklistStep;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Status;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.StepContext;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Credit stress: the US high-yield spread (role {@code hy.spread}, in %) at or above 6% is RED,
 * at or above 4.5% AMBER, below GREEN; UNKNOWN without data. Spreads blow out when funding dries
 * up, which is when equity and crypto selling turns into a liquidity shock.
 */
@Component(service = ChecklistStep.class)
public final class CreditStress implements ChecklistStep {

    static final double AMBER = 4.5;
    static final double RED = 6.0;

    @Override
    public String id() {
        return "example.credit";
    }

    @Override
    public Step evaluate(StepContext context) {
        SeriesData spread = context.role("hy.spread");
        if (spread.isEmpty()) {
            return new Step(id(), Status.UNKNOWN, "no high-yield spread data (bind the role hy.spread)", List.of());
        }
        double last = spread.value(spread.size() - 1);
        Status status = last >= RED ? Status.RED : last >= AMBER ? Status.AMBER : Status.GREEN;
        String summary = switch (status) {
            case RED -> "credit spreads blown out: funding stress";
            case AMBER -> "credit spreads widening";
            default -> "credit calm";
        };
        return new Step(id(), status, summary, List.of(new Evidence("hy.spread", "level", last,
                status == Status.GREEN ? AMBER : RED,
                "high-yield spread at or above 4.5% is amber, at or above 6% red")));
    }
}
