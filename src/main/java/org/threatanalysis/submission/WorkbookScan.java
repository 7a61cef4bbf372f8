package org.threatanalysis.submission;

import java.io.IOException;
import java.util.Optional;

import org.threatanalysis.reading.BudgetTally;
import org.threatanalysis.reading.ReadingBudget;
import org.threatanalysis.reading.SheetReader;
import org.threatanalysis.reading.SubmissionWorkbook;

/**
 * Reads the cover sheet once, to its end, under the {@link ReadingBudget}, before the cover
 * sheet reader looks at it: a cover sheet is a few rows, and one with a million is rejected
 * here. The data sheets are read under the same budget by the import, once (see
 * {@code SubmissionRowReader}); a file that breaks the budget there is rejected as a whole.
 *
 * <p>Holds one row at a time; stops at the first limit exceeded.
 */
final class WorkbookScan {

    static final String COVER_SHEET = "Submission";

    private WorkbookScan() {
    }

    static void scanCoverSheet(SubmissionWorkbook workbook, ReadingBudget budget, ReadingBudget.Deadline deadline)
            throws IOException {
        Optional<String> name = workbook.findSheet(COVER_SHEET);
        if (name.isEmpty()) {
            return;
        }
        BudgetTally tally = new BudgetTally(budget, deadline);
        tally.startSheet(name.get());
        // The import's own row reader: it reads the part to its end, damage after the rows included.
        try (SheetReader rows = workbook.openSheet(name.get())) {
            rows.forEachRemaining(tally::row);
        }
        deadline.check();
    }
}
