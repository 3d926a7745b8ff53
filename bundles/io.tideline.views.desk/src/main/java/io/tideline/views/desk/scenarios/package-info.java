/** The scenarios view: A/B/C odds, conditions, what to watch, portfolio P&L and the liquidation cascade. */
package io.tideline.views.desk.scenarios;
