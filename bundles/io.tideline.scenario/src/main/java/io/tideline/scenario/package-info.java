/** Scenario analysis A/B/C: odds from evidence, what to watch, portfolio P&L, the liquidation-cascade model, historical analogues; private to this bundle. */
package io.tideline.scenario;
