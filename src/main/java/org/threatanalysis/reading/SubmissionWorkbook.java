package org.threatanalysis.reading;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A submission workbook opened for streaming reads. Implementations never load a whole sheet
 * into memory beyond what the file format forces (see {@link XlsWorkbook}).
 */
public interface SubmissionWorkbook extends Closeable {

    Path file();

    List<String> sheetNames();

    /** Opens a sheet by its exact name for a fresh pass from the first row. */
    SheetReader openSheet(String sheetName) throws IOException;

    /** Finds a sheet name ignoring case and surrounding spaces. */
    default Optional<String> findSheet(String wanted) {
        String key = wanted.trim().toLowerCase(Locale.ROOT);
        return sheetNames().stream().filter(name -> name.trim().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /**
     * Opens a workbook by looking at its content, not its name.
     *
     * @throws UnreadableWorkbookException with a reason a member state's clerk understands
     */
    static SubmissionWorkbook open(Path file) throws UnreadableWorkbookException {
        return WorkbookOpener.open(file);
    }

    /**
     * Opens a workbook under a budget: file size, sheet count, shared-string characters and
     * POI's zip protections are checked while opening, against the file's clock.
     */
    static SubmissionWorkbook open(Path file, ReadingBudget budget, ReadingBudget.Deadline deadline)
            throws UnreadableWorkbookException {
        return WorkbookOpener.open(file, budget, deadline);
    }

    static boolean looksLikeWorkbookName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
    }

    static long size(Path file) throws IOException {
        return Files.size(file);
    }

    @Override
    void close() throws IOException;
}
