package org.threatanalysis.importing;

import java.util.Map;

import org.apache.poi.ss.util.CellReference;
import org.threatanalysis.reading.CellValue;
import org.threatanalysis.staging.StagedRows.DataQualityIssue;

/**
 * What the submission reader hands on: a data row, a finding about a whole sheet, or the end of
 * a file that is rejected as a whole.
 */
public sealed interface ImportItem {

    /**
     * A row below the header, with its cells keyed by template field, and where each field's
     * column is so that findings can name the exact cell.
     */
    record RawRow(int submissionId, String file, SheetKind kind, String sheetName, int rowNumber,
            Map<String, CellValue> values, Map<String, Integer> columns, boolean blank) implements ImportItem {

        public CellValue value(String field) {
            return values.get(field);
        }

        public String text(String field) {
            CellValue cell = values.get(field);
            return cell == null || cell.isBlank() ? null : org.threatanalysis.reading.Texts.strip(cell.text());
        }

        public String cell(String field) {
            Integer column = columns.get(field);
            if (column == null) {
                return null;
            }
            // What CellReference.formatAsString() gives ("E21"), without building one per row.
            return (column < COLUMN_NAMES.length ? COLUMN_NAMES[column] : CellReference.convertNumToColString(column))
                    + rowNumber;
        }

        private static final String[] COLUMN_NAMES = java.util.stream.IntStream.range(0, 256)
                .mapToObj(CellReference::convertNumToColString).toArray(String[]::new);

        public String source(String field) {
            String cell = cell(field);
            return file + "!" + sheetName + "!" + (cell != null ? cell : "A" + rowNumber);
        }
    }

    /** A finding about a sheet rather than a row (no header found, unknown column). */
    record SheetNotice(DataQualityIssue issue) implements ImportItem {
    }

    /**
     * The file broke the reading budget or turned out damaged while it was read: it is rejected
     * as a whole, with this reason, and nothing of it is staged. Always the reader's last item.
     */
    record FileRejected(String reason) implements ImportItem {
    }
}
