package org.threatanalysis.reading;

/**
 * Counts, while a file is read, what the {@link ReadingBudget} limits: rows in each sheet (as
 * stored, blank ones included), filled cells in all the sheets read together, characters in one
 * cell, the text of the rows held until the next commit, and the file's time. The first limit
 * exceeded throws an {@link OverBudgetException} whose message is the reason the file is rejected.
 *
 * <p>Used where the file is read anyway: the cover sheet at registration, the data sheets at
 * import. Not thread-safe: one per file being read.
 */
public final class BudgetTally {

    private final ReadingBudget budget;
    private final ReadingBudget.Deadline deadline;
    private String sheet;
    private long rowsInSheet;
    private long cells;
    private long heldChars;

    public BudgetTally(ReadingBudget budget, ReadingBudget.Deadline deadline) {
        this.budget = budget;
        this.deadline = deadline;
    }

    /** The rows that follow belong to this sheet. */
    public void startSheet(String sheetName) {
        sheet = sheetName;
        rowsInSheet = 0;
        deadline.check();
    }

    /**
     * One row read.
     *
     * @param cellCount its non-empty cells
     * @param longestText the most characters in one of its cells
     */
    private void row(int rowNumber, int cellCount, int longestText) {
        rowsInSheet++;
        if (rowsInSheet > budget.maxRowsPerSheet()) {
            throw new OverBudgetException("The sheet '" + sheet + "' has more than " + budget.maxRowsPerSheet()
                    + " rows, the most accepted in one sheet; please split the submission or remove empty "
                    + "formatted rows, and send it again.");
        }
        cells += cellCount;
        if (cells > budget.maxCells()) {
            throw new OverBudgetException("The workbook has more than " + budget.maxCells()
                    + " filled cells, the most accepted in one submission; please split it and send it again.");
        }
        if (longestText > budget.maxCellChars()) {
            throw new OverBudgetException("A cell in row " + rowNumber + " of sheet '" + sheet + "' holds "
                    + longestText + " characters, more than the " + budget.maxCellChars()
                    + " accepted; please shorten it and send the file again.");
        }
        if ((rowsInSheet & 0xFF) == 0) {
            deadline.check();
        }
    }

    /**
     * A row handed on to be staged, with the characters of its imported cells: the rows handed on
     * since the last {@link #chunkCommitted() commit} are held in memory together.
     */
    public void held(int rowNumber, long chars) {
        heldChars += chars;
        if (heldChars > budget.maxChunkChars()) {
            throw new OverBudgetException("The rows of sheet '" + sheet + "' read together up to row " + rowNumber
                    + " hold more than " + budget.maxChunkChars() + " characters in their imported cells, the most "
                    + "accepted in one block of rows (the import holds a block in memory before it stages it); "
                    + "please check for whole documents pasted into cells and send the file again.");
        }
    }

    /** The rows handed on so far are staged and no longer held. */
    public void chunkCommitted() {
        heldChars = 0;
    }

    /** One row read, as the import hands it on. */
    public void row(SheetRow row) {
        int longest = 0;
        for (CellValue cell : row.cells()) {
            String text = cell.text();
            if (text != null && text.length() > longest) {
                longest = text.length();
            }
        }
        row(row.rowNumber(), row.cells().size(), longest);
    }
}
