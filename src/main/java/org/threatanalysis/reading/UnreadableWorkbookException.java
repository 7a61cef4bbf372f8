package org.threatanalysis.reading;

/** A file that cannot be read as a submission workbook; the message is meant for the submitter. */
public class UnreadableWorkbookException extends Exception {

    public UnreadableWorkbookException(String message) {
        super(message);
    }

    public UnreadableWorkbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
