package org.threatanalysis.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Counts the rows physically present below each data sheet's header with POI's usermodel,
 * independently of the job's streaming reader (small fixtures only: it loads the workbook).
 */
public final class PhysicalRows {

    private static final Set<String> YEAR_LABELS = Set.of("year", "godina");

    private PhysicalRows() {
    }

    public static long belowHeaders(Path file) throws IOException {
        long count = 0;
        try (Workbook book = WorkbookFactory.create(file.toFile(), null, true)) {
            for (String name : List.of("Indicators", "Modus operandi", "Routes")) {
                Sheet sheet = book.getSheet(name);
                if (sheet == null) {
                    continue;
                }
                boolean headerSeen = false;
                for (Row row : sheet) {
                    if (headerSeen) {
                        count++;
                        continue;
                    }
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING
                                && YEAR_LABELS.contains(cell.getStringCellValue().trim().toLowerCase(Locale.ROOT))) {
                            headerSeen = true;
                        }
                    }
                }
            }
        }
        return count;
    }
}
