package org.threatanalysis.submission;

/** The cover sheet is missing or does not say who submitted what; the message names the cell. */
public class InvalidCoverSheetException extends Exception {

    public InvalidCoverSheetException(String message) {
        super(message);
    }
}
