/**
 * Scenario analysis A/B/C as value types and one service, {@link io.tideline.scenario.api.Scenarios}
 * (provided by the {@code io.tideline.scenario} bundle): the odds of each scenario from the
 * evidence, what to watch, the P&amp;L of a portfolio under each scenario's shocks, the
 * liquidation-cascade model and the nearest historical analogues. Records are immutable and
 * thread-safe; they serialise with Jackson to the stable JSON document of the
 * {@code scenarios} and {@code cascade} commands.
 *
 * <p>1.2: {@link io.tideline.scenario.api.Scenarios#skill()}, {@link io.tideline.scenario.api.SkillSummary}
 * and {@link io.tideline.scenario.api.ScenarioSkill}: whether the odds have forecast anything.
 *
 * <p>1.3: {@link io.tideline.scenario.api.ScenarioReport#oddsBasis()} and
 * {@link io.tideline.scenario.api.ScenarioResult#packProbability()}: the odds are fitted on
 * history when the pack states its outcome, the pack's own odds kept beside them. The cascade model
 * is state-dependent and an ensemble: {@link io.tideline.scenario.api.Crowding},
 * {@link io.tideline.scenario.api.CascadeEnsemble}, {@link io.tideline.scenario.api.CascadeParams#refill()}
 * and the percentiles {@link io.tideline.scenario.api.CascadeResult#p10()}, {@code p50()}, {@code p90()}.
 *
 * <p>1.4: {@link io.tideline.scenario.api.ScenarioResult#fitWeight()} and
 * {@link io.tideline.scenario.api.ScenarioResult#onBaseRate()}: the weight of the fitted odds
 * against the base rate, so a scenario whose conditions have not beaten its base rate can say so.
 *
 * <p>Part of the API bundle {@code io.tideline.api}, so its users wire to the API bundle, not to
 * the scenario implementation, which can be updated or removed without refreshing them.
 */
@Export
@Version("1.5.0")
package io.tideline.scenario.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
