package org.threatanalysis.normalisation;

/** Defaults of the scored matcher's thresholds (configurable as {@code consolidation.matching.*}). */
public final class MatchingThresholds {

    /** The lowest score a scored modus-operandi match is accepted with. */
    public static final double DEFAULT_THRESHOLD = 0.6;
    /** How far the best code must lead the second best. */
    public static final double DEFAULT_MARGIN = 0.1;
    /** Scored matches below this confidence are listed for review too (with the code they were given). */
    public static final double DEFAULT_REVIEW_BELOW = 0.8;

    private MatchingThresholds() {
    }
}
