/**
 * Alerts that reach people without a window: rules read from
 * {@code DATA_DIR/workspace/alerts-rules.json} ({@link io.tideline.alerts.AlertRules}), evaluated
 * on the checklist's verdicts and the roles' latest values when new data arrives
 * ({@link io.tideline.alerts.Evaluator}), delivered on a background thread to the window's banner,
 * a webhook and a command hook ({@link io.tideline.alerts.Delivery}), each step written to the
 * ledger {@code DATA_DIR/workspace/alerts.jsonl} ({@link io.tideline.alerts.Ledger}). Private to
 * the bundle: nothing here is exported.
 */
package io.tideline.alerts;
