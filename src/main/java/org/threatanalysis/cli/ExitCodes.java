package org.threatanalysis.cli;

/** Process exit codes a scheduler can act on; the README documents the same table. */
public final class ExitCodes {

    /** The run completed and every file was accepted or ignored. */
    public static final int SUCCESS = 0;
    /** The run failed; it can be restarted with {@code restart} once the cause is fixed. */
    public static final int FAILED = 1;
    /** The command line was wrong (unknown option, missing folder). */
    public static final int USAGE = 2;
    /** The run completed, but at least one submission file was rejected and needs attention. */
    public static final int COMPLETED_WITH_REJECTIONS = 3;
    /** Another run holds the database; nothing was started. */
    public static final int ALREADY_RUNNING = 4;

    private ExitCodes() {
    }
}
