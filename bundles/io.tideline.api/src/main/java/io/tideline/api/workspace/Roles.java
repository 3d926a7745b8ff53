package io.tideline.api.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The roles Tideline's analytics read, with what each stands for, and the rule for role names. */
public final class Roles {

    /** US 10-year Treasury yield, %. */
    public static final String US10Y = "us10y";
    /** US 2-year Treasury yield, %. */
    public static final String US2Y = "us2y";
    /** A dollar index. */
    public static final String DOLLAR = "dollar";
    /** S&amp;P 500 (index or ETF). */
    public static final String SPX = "spx";
    /** Nasdaq-100 or Nasdaq Composite (index or ETF). */
    public static final String NDX = "ndx";
    /** The VIX. */
    public static final String VIX = "vix";
    /** US high-yield credit spread, %. */
    public static final String HY_SPREAD = "hy.spread";
    /** Gold (spot or ETF). */
    public static final String GOLD = "gold";
    /** Software equities (e.g. IGV). */
    public static final String SOFTWARE = "software";
    /** The AI-leadership basket. */
    public static final String LEADERS = "leaders";
    /** Bitcoin price. */
    public static final String BTC = "btc";
    /** Ether price. */
    public static final String ETH = "eth";
    /** BTC perpetual funding rate. */
    public static final String BTC_FUNDING = "btc.funding";
    /**
     * BTC perpetual-swap open interest, USD: the positioning the checklist's crypto step reads for
     * "open interest expanding into a falling price". Not CME futures open interest, which is
     * {@link #BTC_CME_OI}.
     */
    public static final String BTC_OI = "btc.oi";
    /**
     * CME bitcoin futures open interest as the CFTC reports it: weekly, in contracts. Shown beside
     * the price; the checklist does not read it as {@link #BTC_OI}, because a weekly count of
     * regulated futures contracts says nothing about a day's leveraged perpetual positioning.
     *
     * @since 1.2
     */
    public static final String BTC_CME_OI = "btc.cme.oi";
    /** BTC long liquidations, USD per bar. */
    public static final String BTC_LIQUIDATIONS_LONG = "btc.liquidations.long";
    /** BTC short liquidations, USD per bar. */
    public static final String BTC_LIQUIDATIONS_SHORT = "btc.liquidations.short";
    /** BTC implied volatility index (Deribit DVOL). */
    public static final String BTC_DVOL = "btc.dvol";
    /**
     * ETH perpetual funding rate, per 8 hours as a fraction (as {@link #BTC_FUNDING}): the
     * cascade model's crowding for ETH; BTC's funding stands in while it is unbound.
     *
     * @since 1.4
     */
    public static final String ETH_FUNDING = "eth.funding";
    /**
     * ETH perpetual-swap open interest, USD: the open interest the cascade model runs ETH's falls
     * through; a fixed default stands in while it is unbound.
     *
     * @since 1.4
     */
    public static final String ETH_OI = "eth.oi";

    /** EventAdmin topic posted after the bindings changed; property {@code role}. */
    public static final String TOPIC_CHANGED = "io/tideline/workspace/ROLES_CHANGED";

    /** The longest role name: a name a person types and reads in a list, not a place to store text. */
    private static final int MAX_ROLE_CHARS = 64;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9]+)*");
    private static final Map<String, String> KNOWN;
    private static final List<String> CORE = List.of(US10Y, DOLLAR, SPX, NDX, BTC, VIX, BTC_FUNDING);

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(US10Y, "US 10-year Treasury yield");
        m.put(US2Y, "US 2-year Treasury yield");
        m.put(DOLLAR, "dollar index");
        m.put(SPX, "S&P 500");
        m.put(NDX, "Nasdaq");
        m.put(VIX, "VIX");
        m.put(HY_SPREAD, "US high-yield credit spread");
        m.put(GOLD, "gold");
        m.put(SOFTWARE, "software equities");
        m.put(LEADERS, "AI-leadership basket");
        m.put(BTC, "bitcoin");
        m.put(ETH, "ether");
        m.put(BTC_FUNDING, "BTC perpetual funding rate");
        m.put(BTC_OI, "BTC perpetual open interest (USD)");
        m.put(BTC_CME_OI, "CME bitcoin futures open interest (CFTC, weekly, contracts)");
        m.put(BTC_LIQUIDATIONS_LONG, "BTC long liquidations");
        m.put(BTC_LIQUIDATIONS_SHORT, "BTC short liquidations");
        m.put(BTC_DVOL, "BTC implied volatility (DVOL)");
        m.put(ETH_FUNDING, "ETH perpetual funding rate");
        m.put(ETH_OI, "ETH perpetual open interest (USD)");
        KNOWN = java.util.Collections.unmodifiableMap(m);
    }

    private Roles() {
    }

    /** The roles the built-in analytics read, in display order, with a description each. */
    public static Map<String, String> known() {
        return KNOWN;
    }

    /**
     * The core roles: the inputs without which the checklist cannot judge a day (rates, the
     * dollar, equities, crypto, the VIX and funding). {@code status} reports a bound core role
     * whose newest bar is stale at the workspace's as-of instant; the sample keeps every one of
     * them fresh on its own date.
     *
     * @since 1.2
     */
    public static List<String> core() {
        return CORE;
    }

    /**
     * Checks a role name: lower-case words joined by dots, e.g. {@code btc.funding}, of at most
     * 64 characters. Teams may add roles of their own beyond {@link #known()}. A role name never
     * contains {@code ':'}, which marks a series id wherever either may be given (see
     * {@link RoleBindings}); such a name is refused saying so.
     *
     * @throws IllegalArgumentException naming the role and the rule
     */
    public static String check(String role) {
        if (role != null && role.length() > MAX_ROLE_CHARS) {
            throw new IllegalArgumentException("role '" + role.substring(0, 40) + "… (" + role.length()
                    + " characters)' is too long: at most " + MAX_ROLE_CHARS + " characters");
        }
        if (role != null && role.indexOf(':') >= 0) {
            // A colon is what marks a series id where either may be given (RoleBindings#resolve).
            throw new IllegalArgumentException("role '" + role + "' contains ':', which only a series id has"
                    + " (source:symbol[:field], e.g. fred:DGS10); a role is lower-case words joined by dots,"
                    + " e.g. btc.funding");
        }
        if (role == null || !NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("role '" + role + "' is not lower-case words joined by dots,"
                    + " e.g. btc.funding (known roles: " + String.join(", ", KNOWN.keySet()) + ")");
        }
        return role;
    }
}
