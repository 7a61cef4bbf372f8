package org.threatanalysis.submission;

/** What became of a file found under the input folder. */
public enum SubmissionStatus {
    /** A readable submission with a valid cover sheet; its data sheets are imported. */
    ACCEPTED,
    /** A workbook that cannot be used as a whole; the reason says why. */
    REJECTED,
    /** Not a submission at all (lock file, hidden file, not a workbook); listed, never read. */
    IGNORED
}
