/**
 * Scenario analysis A/B/C as value types and one service: the odds of each scenario from the
 * evidence, what to watch, the P&amp;L of a portfolio under each scenario's shocks, the
 * liquidation-cascade model and the nearest historical analogues. Records are immutable and
 * thread-safe; they serialise with Jackson to the stable JSON document of the
 * {@code scenarios} and {@code cascade} commands.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.tideline.scenario.api;
