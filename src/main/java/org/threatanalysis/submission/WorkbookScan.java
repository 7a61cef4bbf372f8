package org.threatanalysis.submission;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.OverBudgetException;
import org.threatanalysis.reading.ReadingBudget;
import org.threatanalysis.reading.SheetReader;
import org.threatanalysis.reading.SubmissionWorkbook;

/**
 * Reads every sheet the job will read (the cover sheet and the data sheets) once, to the end,
 * under the {@link ReadingBudget}, before a file is accepted. A file that is damaged or over
 * budget anywhere is therefore rejected at registration, as a whole, and the import step only
 * reads files that were read through once already.
 *
 * <p>Holds one row at a time; stops at the first limit exceeded.
 */
final class WorkbookScan {

    static final List<String> SCANNED_SHEETS = List.of("Submission", "Indicators", "Modus operandi", "Routes");

    private WorkbookScan() {
    }

    static void scan(SubmissionWorkbook workbook, ReadingBudget budget, ReadingBudget.Deadline deadline)
            throws IOException {
        long cells = 0;
        for (String wanted : SCANNED_SHEETS) {
            Optional<String> name = workbook.findSheet(wanted);
            if (name.isEmpty()) {
                continue;
            }
            long rows = 0;
            try (SheetReader reader = workbook.openSheet(name.get())) {
                while (reader.hasNext()) {
                    var row = reader.next();
                    rows++;
                    if (rows > budget.maxRowsPerSheet()) {
                        throw new OverBudgetException("The sheet '" + name.get() + "' has more than "
                                + budget.maxRowsPerSheet() + " rows, the most accepted in one sheet; please split "
                                + "the submission or remove empty formatted rows, and send it again.");
                    }
                    cells += row.cells().size();
                    if (cells > budget.maxCells()) {
                        throw new OverBudgetException("The workbook has more than " + budget.maxCells()
                                + " filled cells, the most accepted in one submission; please split it and send it again.");
                    }
                    for (CellValue cell : row.cells()) {
                        if (cell.text() != null && cell.text().length() > budget.maxCellChars()) {
                            throw new OverBudgetException("A cell in row " + row.rowNumber() + " of sheet '"
                                    + name.get() + "' holds " + cell.text().length() + " characters, more than the "
                                    + budget.maxCellChars() + " accepted; please shorten it and send the file again.");
                        }
                    }
                    if ((rows & 0xFF) == 0) {
                        deadline.check();
                    }
                }
            }
            deadline.check();
        }
    }
}
