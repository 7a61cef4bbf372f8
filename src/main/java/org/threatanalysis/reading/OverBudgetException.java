package org.threatanalysis.reading;

/**
 * A workbook asks for more than the {@link ReadingBudget} allows (size, sheets, rows, cells,
 * characters, time). Unchecked because it is raised from inside row iterators. The message is
 * written for the member state's clerk: it names the limit and what to do.
 */
public class OverBudgetException extends RuntimeException {

    public OverBudgetException(String message) {
        super(message);
    }
}
