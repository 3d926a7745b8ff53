package io.tideline.workspace;

import java.util.Collection;

/** The known role a mistyped name most likely meant ({@code vixx} → {@code vix}). */
final class RoleNames {

    private RoleNames() {
    }

    /**
     * The candidate closest to {@code name}: the first with the fewest edits (insertions,
     * deletions, substitutions, swaps of neighbours), if those are at most a third of the name's
     * length (at least one); else the first candidate the name is the start of; else null.
     */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(1, name.length() / 3)) {
            return best;
        }
        for (String c : candidates) {
            if (c.startsWith(name)) {
                return c;
            }
        }
        return null;
    }

    /** Optimal string alignment distance: Levenshtein plus a swap of two neighbours as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
