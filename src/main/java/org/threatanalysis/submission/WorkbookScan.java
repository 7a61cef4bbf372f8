package org.threatanalysis.submission;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.threatanalysis.reading.CellRange;
import org.threatanalysis.reading.OverBudgetException;
import org.threatanalysis.reading.ReadingBudget;
import org.threatanalysis.reading.SubmissionWorkbook;

/**
 * Reads every sheet the job will read (the cover sheet and the data sheets) once, to the end,
 * under the {@link ReadingBudget}, before a file is accepted. A file that is damaged or over
 * budget anywhere is therefore rejected at registration, as a whole, and the import step only
 * reads files that were read through once already.
 *
 * <p>Holds one row at a time; stops at the first limit exceeded. Reads each sheet once, its
 * merged ranges (listed after the rows) included.
 */
final class WorkbookScan {

    static final List<String> SCANNED_SHEETS = List.of("Submission", "Indicators", "Modus operandi", "Routes");

    private WorkbookScan() {
    }

    /**
     * Scans the sheets and returns the merged ranges of each sheet read (by its name in the
     * workbook), which the import then uses instead of a pass of its own to find them.
     */
    static Map<String, List<CellRange>> scan(SubmissionWorkbook workbook, ReadingBudget budget,
            ReadingBudget.Deadline deadline) throws IOException {
        Map<String, List<CellRange>> mergedRanges = new LinkedHashMap<>();
        long[] cells = {0};
        for (String wanted : SCANNED_SHEETS) {
            Optional<String> name = workbook.findSheet(wanted);
            if (name.isEmpty()) {
                continue;
            }
            String sheet = name.get();
            long[] rows = {0};
            List<CellRange> merged = workbook.scanSheet(sheet, row -> {
                rows[0]++;
                if (rows[0] > budget.maxRowsPerSheet()) {
                    throw new OverBudgetException("The sheet '" + sheet + "' has more than "
                            + budget.maxRowsPerSheet() + " rows, the most accepted in one sheet; please split "
                            + "the submission or remove empty formatted rows, and send it again.");
                }
                cells[0] += row.cells();
                if (cells[0] > budget.maxCells()) {
                    throw new OverBudgetException("The workbook has more than " + budget.maxCells()
                            + " filled cells, the most accepted in one submission; please split it and send it again.");
                }
                if (row.longestText() > budget.maxCellChars()) {
                    throw new OverBudgetException("A cell in row " + row.rowNumber() + " of sheet '"
                            + sheet + "' holds " + row.longestText() + " characters, more than the "
                            + budget.maxCellChars() + " accepted; please shorten it and send the file again.");
                }
                if ((rows[0] & 0xFF) == 0) {
                    deadline.check();
                }
            });
            mergedRanges.put(sheet, merged);
            deadline.check();
        }
        return mergedRanges;
    }
}
