package org.threatanalysis.job;

/**
 * Names of the consolidation job's parameters. A run is identified by business parameters only
 * (folders, years, run date and sequence), never by a random incrementer, so that a failed run
 * can be found again and restarted from a new process.
 */
public final class JobParameterNames {

    /** Absolute input folder (identifying). */
    public static final String INPUT = "input";
    /** Absolute output folder (identifying). */
    public static final String OUTPUT = "output";
    /** First year to consolidate, or absent for all (identifying). */
    public static final String FROM_YEAR = "from";
    /** Last year to consolidate, or absent for all (identifying). */
    public static final String TO_YEAR = "to";
    /** The business date the run consolidates for, {@code YYYY-MM-DD}: one nightly run per date (identifying). */
    public static final String RUN_DATE = "run.date";
    /**
     * 1 for the first run of a date; a further run of the same date after a completed one (or
     * {@code --fresh} after a failed one) takes the next number (identifying).
     */
    public static final String RUN_SEQUENCE = "run.sequence";

    private JobParameterNames() {
    }
}
