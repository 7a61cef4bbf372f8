package org.threatanalysis.job;

/** Names of the consolidation job's parameters. */
public final class JobParameterNames {

    /** Absolute input folder (identifying). */
    public static final String INPUT = "input";
    /** Absolute output folder (identifying). */
    public static final String OUTPUT = "output";
    /** First year to consolidate, or absent for all (identifying). */
    public static final String FROM_YEAR = "from";
    /** Last year to consolidate, or absent for all (identifying). */
    public static final String TO_YEAR = "to";
    /** When the run was asked for: makes each manual run its own job instance (identifying). */
    public static final String REQUESTED_AT = "requested.at";

    private JobParameterNames() {
    }
}
