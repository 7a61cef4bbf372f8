package org.threatanalysis.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.util.CellReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.threatanalysis.reading.BudgetTally;
import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.OverBudgetException;
import org.threatanalysis.reading.ReadingBudget;
import org.threatanalysis.reading.SheetReader;
import org.threatanalysis.reading.SheetRow;
import org.threatanalysis.reading.SubmissionWorkbook;
import org.threatanalysis.reading.UnreadableWorkbookException;
import org.threatanalysis.reading.WorkbookOpener;
import org.threatanalysis.reference.HeaderAliases;
import org.threatanalysis.staging.StagedRows.DataQualityIssue;
import org.threatanalysis.submission.SubmissionRegistrar;

/**
 * Streams the data sheets of one submission (Indicators, Modus operandi, Routes, in that order)
 * as {@link ImportItem}s: the header is found below any title rows, and every row after it is
 * handed on, one at a time.
 *
 * <p>Restart: the sheet and the number of items already handed on are saved in the step's
 * execution context at each commit. A restarted reader first checks that the file is still the
 * one registered (SHA-256), then re-opens it and skips to that position; a stream cannot seek.
 *
 * <p>Budget and errors: the data sheets are read once, here, under the {@link ReadingBudget}
 * (rows per sheet, filled cells, characters per cell and per row, the text of the rows one chunk
 * holds, time; see {@link BudgetTally}).
 * Registration opened the file and read its cover sheet, so a file that cannot be opened now
 * fails the partition (it changed or the disk failed). A file that breaks the budget, or whose
 * sheet fails while it is read (POI or the XML parser throwing anything), is rejected as a whole,
 * as registration would have rejected it: the reader hands on a {@link ImportItem.FileRejected}
 * with the reason, then nothing more, and the writer removes what earlier chunks staged.
 *
 * <p>The number of rows handed on is kept in the execution context under {@link #ROWS_READ},
 * for the check that every row read was staged, rejected or passed over.
 *
 * <p>Not thread-safe: one instance per partition.
 */
public class SubmissionRowReader implements ItemStreamReader<ImportItem> {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRowReader.class);
    private static final String SHEET_INDEX = "sheet.index";
    private static final String ITEMS_IN_SHEET = "sheet.items";
    private static final String ROWS_BEFORE_SHEET = "rows.before-sheet";
    /** Data rows handed on so far, all sheets together (restart-safe). */
    public static final String ROWS_READ = "rows.read";

    private final int submissionId;
    private final Path file;
    private final String relativePath;
    private final String fingerprint;
    private final HeaderAliases aliases;
    private final ReadingBudget budget;

    private SubmissionWorkbook workbook;
    private BudgetTally tally;
    private boolean rejected;
    private SheetReader rows;
    private SheetKind kind;
    private String sheetName;
    private HeaderLayout layout;
    private final Deque<ImportItem> pending = new ArrayDeque<>();
    private int sheetIndex;
    private int itemsInSheet;
    private long rowsBeforeSheet;
    private long rowsRead;
    private int lastRowNumber;

    public SubmissionRowReader(int submissionId, Path file, String relativePath, String fingerprint,
            HeaderAliases aliases) {
        this(submissionId, file, relativePath, fingerprint, aliases, ReadingBudget.defaults());
    }

    public SubmissionRowReader(int submissionId, Path file, String relativePath, String fingerprint,
            HeaderAliases aliases, ReadingBudget budget) {
        this.submissionId = submissionId;
        this.file = file;
        this.relativePath = relativePath;
        this.fingerprint = fingerprint;
        this.aliases = aliases;
        this.budget = budget;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        try {
            String actual = SubmissionRegistrar.sha256(file);
            if (!actual.equals(fingerprint)) {
                throw new ItemStreamException("The file " + relativePath + " changed after it was registered "
                        + "(SHA-256 " + fingerprint.substring(0, 12) + "… became " + actual.substring(0, 12)
                        + "…); start a new run to consolidate the new version.");
            }
            ReadingBudget.Deadline deadline = budget.startClock();
            workbook = SubmissionWorkbook.open(file, budget, deadline);
            tally = new BudgetTally(budget, deadline);
        } catch (IOException | UnreadableWorkbookException e) {
            throw new ItemStreamException("The submission " + relativePath + " cannot be opened for import: "
                    + e.getMessage(), e);
        }
        int savedSheet = context.getInt(SHEET_INDEX, 0);
        int savedItems = context.getInt(ITEMS_IN_SHEET, 0);
        sheetIndex = savedSheet;
        itemsInSheet = 0;
        rowsBeforeSheet = context.getLong(ROWS_BEFORE_SHEET, 0L);
        rowsRead = rowsBeforeSheet;
        openSheet(sheetIndex);
        while (itemsInSheet < savedItems) {
            // skipping what earlier committed chunks already staged
            ImportItem skipped = nextItem();
            tally.chunkCommitted(); // a skipped row is not held: the earlier attempt staged it
            if (skipped == null) {
                break;
            }
            if (skipped instanceof ImportItem.FileRejected) {
                // Rejected while skipping (a budget lowered, or the time used up, since the
                // failed attempt): the rejection itself is still to be handed on.
                pending.addFirst(skipped);
                itemsInSheet--;
                break;
            }
        }
        if (savedSheet > 0 || savedItems > 0) {
            log.info("Resuming {} at sheet {} after {} items", relativePath, sheetIndex + 1, savedItems);
        }
    }

    @Override
    public ImportItem read() {
        return nextItem();
    }

    private ImportItem nextItem() {
        while (true) {
            if (!pending.isEmpty()) {
                itemsInSheet++;
                return pending.poll();
            }
            SheetRow row = rows == null ? null : nextRowOrNotice();
            if (row != null) {
                Map<String, CellValue> values = layout.valuesOf(row);
                if (!heldWithinBudget(row, values)) {
                    continue; // the file is rejected: the notice is pending
                }
                itemsInSheet++;
                rowsRead++;
                lastRowNumber = row.rowNumber();
                return new ImportItem.RawRow(submissionId, relativePath, kind, sheetName, row.rowNumber(),
                        values, layout.columns(), row.isBlank());
            }
            if (!pending.isEmpty()) {
                continue;
            }
            if (rejected || sheetIndex >= SheetKind.values().length - 1) {
                closeSheet();
                return null;
            }
            sheetIndex++;
            itemsInSheet = 0;
            rowsBeforeSheet = rowsRead;
            openSheet(sheetIndex);
        }
    }

    /**
     * The next row of the current sheet, counted against the budget, or {@code null} at its end.
     * A failure or a budget exceeded rejects the file instead of failing the step.
     */
    private SheetRow nextRowOrNotice() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            SheetRow row = rows.next();
            tally.row(row);
            return row;
        } catch (RuntimeException | StackOverflowError e) {
            reject(e);
            return null;
        }
    }

    /**
     * Counts the imported cells' text against what one chunk may hold (the rows handed on until
     * the next commit stay in memory together); over it, the file is rejected.
     */
    private boolean heldWithinBudget(SheetRow row, Map<String, CellValue> values) {
        long chars = 0;
        for (CellValue value : values.values()) {
            chars += value.text().length();
        }
        try {
            tally.held(row.rowNumber(), chars);
            return true;
        } catch (OverBudgetException e) {
            reject(e);
            return false;
        }
    }

    /** Ends the file: what it handed on so far is undone by the writer, which rejects it. */
    private void reject(Throwable failure) {
        String reason = WorkbookOpener.reasonFor(failure);
        log.warn("Rejected {} while importing sheet '{}' after row {}: {}", relativePath, sheetName, lastRowNumber,
                failure.toString());
        pending.clear();
        pending.add(new ImportItem.FileRejected(reason));
        rejected = true;
        closeSheet();
    }

    private void openSheet(int index) {
        closeSheet();
        lastRowNumber = 0;
        if (index >= SheetKind.values().length) {
            return;
        }
        kind = SheetKind.values()[index];
        Optional<String> name = workbook.findSheet(kind.sheetName());
        if (name.isEmpty()) {
            return;
        }
        sheetName = name.get();
        try {
            tally.startSheet(sheetName);
            rows = workbook.openSheet(sheetName);
            layout = null;
            int scanned = 0;
            while (rows.hasNext() && scanned < HeaderLayout.SEARCH_ROWS) {
                SheetRow row = rows.next();
                tally.row(row);
                scanned++;
                Optional<HeaderLayout> header = HeaderLayout.detect(kind, row, aliases);
                if (header.isPresent()) {
                    layout = header.get();
                    break;
                }
            }
            if (layout == null) {
                // Nothing of the sheet is imported, but it is read to its end under the budget all
                // the same: a file over budget is rejected whatever its headers say.
                while (rows.hasNext()) {
                    tally.row(rows.next());
                }
                pending.add(new ImportItem.SheetNotice(new DataQualityIssue(submissionId, relativePath, sheetName,
                        null, null, null, "No header row naming the columns " + String.join(", ",
                                kind.requiredFields().stream().map(SubmissionRowReader::label).toList())
                                + " was found in the first " + HeaderLayout.SEARCH_ROWS
                                + " rows; the sheet was not imported.", true)));
                closeRowsOnly();
                return;
            }
            for (var unknown : layout.unknownColumns()) {
                pending.add(new ImportItem.SheetNotice(new DataQualityIssue(submissionId, relativePath, sheetName,
                        new CellReference(layout.headerRow() - 1, unknown.column()).formatAsString(),
                        layout.headerRow(), unknown.text(),
                        "Column '" + unknown.text().strip() + "' is not part of the template; its values were not imported.",
                        false)));
            }
        } catch (IOException | RuntimeException | StackOverflowError e) {
            reject(e);
        }
    }

    static String label(String field) {
        return switch (field) {
            case "crime_area" -> "Crime area";
            case "mo_text" -> "Modus operandi";
            default -> Character.toUpperCase(field.charAt(0)) + field.substring(1).replace('_', ' ');
        };
    }

    private void closeRowsOnly() {
        if (rows != null) {
            try {
                rows.close();
            } catch (IOException ignored) {
                // nothing more to read from it
            }
            rows = null;
        }
    }

    private void closeSheet() {
        closeRowsOnly();
        layout = null;
    }

    @Override
    public void update(ExecutionContext context) {
        if (tally != null) {
            tally.chunkCommitted();
        }
        context.putInt(SHEET_INDEX, sheetIndex);
        context.putInt(ITEMS_IN_SHEET, itemsInSheet);
        context.putLong(ROWS_BEFORE_SHEET, rowsBeforeSheet);
        context.putLong(ROWS_READ, rowsRead);
    }

    /** Data rows handed on so far, all sheets together, counting those of earlier attempts. */
    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        closeSheet();
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // read-only access, nothing to lose
            }
            workbook = null;
        }
    }
}
