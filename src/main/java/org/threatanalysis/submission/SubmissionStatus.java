package org.threatanalysis.submission;

/** What became of a file found under the input folder. */
public enum SubmissionStatus {
    /** A readable submission with a valid cover sheet; its data sheets are imported. */
    ACCEPTED,
    /** A workbook that cannot be used as a whole; the reason says why. */
    REJECTED,
    /**
     * An analyst's reference workbook (no cover sheet; sheets named like the reference files, or a
     * Review sheet with decisions): applied over the shipped reference data, not imported as data.
     */
    REFERENCE,
    /** Not a submission at all (lock file, hidden file, not a workbook); listed, never read. */
    IGNORED
}
