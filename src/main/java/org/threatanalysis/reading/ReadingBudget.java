package org.threatanalysis.reading;

import java.time.Duration;

/**
 * Limits of our own on what one submission file may make the job read, so that a hostile or
 * broken file is rejected before it can exhaust memory or time. POI's own zip protections
 * (inflate ratio, entry size, entry count) are set from the last three values.
 *
 * <p>A value of zero or less (or {@code null}) means "use the default".
 *
 * @param maxFileBytes largest file accepted
 * @param maxSheets most sheets in a workbook
 * @param maxRowsPerSheet most rows (counted as stored, blank ones included) in one data sheet
 * @param maxCells most non-empty cells in all data sheets together
 * @param maxCellChars most characters in one cell; Excel itself stops at 32,767
 * @param maxRowChars most characters in the cells of one row together: a row is held whole while
 *        it is read, and Excel's own limits (16,384 cells of 32,767 characters) would let one row
 *        fill any heap
 * @param maxChunkChars most characters in the imported cells of the rows held at once (one chunk
 *        of {@code consolidation.chunk-size} rows, read before it is written): each row within its
 *        budget, a chunk of them could still fill the heap
 * @param maxSharedStringChars most characters in the shared-string table in total
 * @param timePerFile longest time spent reading one file: at registration, and again for its data sheets at import
 * @param minInflateRatio smallest compressed/unpacked ratio accepted for a zip entry (past its first 100 KB)
 * @param maxEntryBytes largest unpacked zip entry accepted
 * @param maxZipEntries most entries in the zip package
 */
public record ReadingBudget(long maxFileBytes, int maxSheets, int maxRowsPerSheet, long maxCells, int maxCellChars,
        int maxRowChars, long maxChunkChars, long maxSharedStringChars, Duration timePerFile, double minInflateRatio,
        long maxEntryBytes, long maxZipEntries) {

    public static final int EXCEL_CELL_LIMIT = 32_767;

    public ReadingBudget {
        maxFileBytes = maxFileBytes > 0 ? maxFileBytes : 50L * 1024 * 1024;
        maxSheets = maxSheets > 0 ? maxSheets : 50;
        maxRowsPerSheet = maxRowsPerSheet > 0 ? maxRowsPerSheet : 200_000;
        maxCells = maxCells > 0 ? maxCells : 5_000_000;
        maxCellChars = maxCellChars > 0 ? maxCellChars : EXCEL_CELL_LIMIT;
        maxRowChars = maxRowChars > 0 ? maxRowChars : 100_000;
        maxChunkChars = maxChunkChars > 0 ? maxChunkChars : 8_000_000;
        maxSharedStringChars = maxSharedStringChars > 0 ? maxSharedStringChars : 20_000_000;
        timePerFile = timePerFile != null && !timePerFile.isNegative() && !timePerFile.isZero() ? timePerFile
                : Duration.ofMinutes(2);
        minInflateRatio = minInflateRatio > 0 ? minInflateRatio : 0.01;
        maxEntryBytes = maxEntryBytes > 0 ? maxEntryBytes : 500L * 1024 * 1024;
        maxZipEntries = maxZipEntries > 0 ? maxZipEntries : 1_000;
    }

    /** The defaults, as documented in docs/hostile-input.md. */
    public static ReadingBudget defaults() {
        return new ReadingBudget(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0);
    }

    /** A clock for one file: {@link #check()} fails once the file's time is used up. */
    public Deadline startClock() {
        return new Deadline(System.nanoTime() + timePerFile.toNanos(), timePerFile);
    }

    public record Deadline(long endNanos, Duration allowed) {

        public void check() {
            if (System.nanoTime() > endNanos) {
                throw new OverBudgetException("Reading the workbook took longer than the "
                        + allowed.toSeconds() + " seconds allowed for one file; it is too large or malformed. "
                        + "Please check the file and send it again.");
            }
        }
    }
}
