package org.threatanalysis.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a route that stopped being reported and a route that started being reported
 * the next year are one route that shifted.
 *
 * <p>The rule: both routes have at least two countries, and either
 * <ul>
 * <li>they share origin and destination (the first and the last country), or</li>
 * <li>they share origin or destination, and their longest common subsequence of countries covers
 * at least half of the longer route and at least two countries ("most of their sequence").</li>
 * </ul>
 * Routes that share neither end, or only one end and little else, are unrelated: one ended and
 * another started. When several candidates qualify, the pair with the higher score wins
 * (shared ends, then common-subsequence share).
 */
public final class RouteShiftMatcher {

    private RouteShiftMatcher() {
    }

    /** A score above zero when the two routes pair as one shift; zero when they are unrelated. */
    public static double score(List<String> before, List<String> after) {
        if (before.size() < 2 || after.size() < 2 || before.equals(after)) {
            return 0;
        }
        boolean sameOrigin = before.get(0).equals(after.get(0));
        boolean sameDestination = before.get(before.size() - 1).equals(after.get(after.size() - 1));
        int common = longestCommonSubsequence(before, after);
        double share = (double) common / Math.max(before.size(), after.size());
        if (sameOrigin && sameDestination) {
            return 2 + share;
        }
        if ((sameOrigin || sameDestination) && common >= 2 && share >= 0.5) {
            return 1 + share;
        }
        return 0;
    }

    static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] lengths = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                lengths[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? lengths[i - 1][j - 1] + 1
                        : Math.max(lengths[i - 1][j], lengths[i][j - 1]);
            }
        }
        return lengths[a.size()][b.size()];
    }

    /** Builds the shift between two paired routes. */
    public static RouteShift shift(String crimeArea, String commodity, int fromYear, int toYear, List<String> before,
            List<String> after, String transportBefore, String transportAfter, List<String> states) {
        Set<String> beforeSet = new HashSet<>(before);
        Set<String> afterSet = new HashSet<>(after);
        List<String> removed = new ArrayList<>(new LinkedHashSet<>(before));
        removed.removeAll(afterSet);
        List<String> added = new ArrayList<>(new LinkedHashSet<>(after));
        added.removeAll(beforeSet);
        String entry = null;
        String exit = null;
        if (before.size() >= 3 && after.size() >= 3) {
            String entryBefore = before.get(1);
            String entryAfter = after.get(1);
            if (!entryBefore.equals(entryAfter)) {
                entry = entryBefore + '\u2192' + entryAfter;
            }
            String exitBefore = before.get(before.size() - 2);
            String exitAfter = after.get(after.size() - 2);
            if (!exitBefore.equals(exitAfter)) {
                exit = exitBefore + '\u2192' + exitAfter;
            }
        }
        return new RouteShift(crimeArea, commodity, fromYear, toYear, before, after, removed, added, entry, exit,
                transportBefore, transportAfter, states);
    }
}
