package org.threatanalysis.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.SheetReader;
import org.threatanalysis.reading.SheetRow;
import org.threatanalysis.reading.SubmissionWorkbook;

/**
 * An analyst's reference workbook found in the input folder: a workbook without a
 * {@code Submission} cover sheet whose sheets are named like the reference files ({@code Countries},
 * {@code Places}, {@code Modus operandi vocabulary}, {@code Header aliases}, ...) with the same
 * column headers, and/or a {@code Review} sheet (the one the job writes) with filled-in decisions.
 * A consolidated workbook of an earlier run qualifies as a whole: its other sheets lack the
 * reference columns and are passed over.
 *
 * @param name the file's path relative to the input folder
 * @param tables reference file name ({@code places.tsv}) to the rows the workbook adds, in order
 * @param decisions the decisions of its Review sheet
 */
public record ReferenceWorkbook(String name, Map<String, List<Map<String, String>>> tables,
        List<Decisions.Decision> decisions) {

    public static final String REVIEW_SHEET = "Review";
    private static final Map<String, String> FILE_BY_SHEET = sheetNames();

    private static Map<String, String> sheetNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String file : ReferenceData.FILES) {
            String stem = file.substring(0, file.length() - ".tsv".length());
            // "Indicators" and "Modus operandi" are data sheets of a submission: never taken as reference names.
            if (!stem.equals("modus-operandi") && !stem.equals("indicators")) {
                names.put(TextFolding.fold(stem), file);
            }
        }
        names.put("modus operandi vocabulary", "modus-operandi.tsv");
        names.put("mo vocabulary", "modus-operandi.tsv");
        names.put("gazetteer", "places.tsv");
        names.put("indicator list", "indicators.tsv");
        names.put("indicator codes", "indicators.tsv");
        return Map.copyOf(names);
    }

    /** The reference file a sheet name stands for ({@code "Places"} to {@code places.tsv}), if any. */
    public static Optional<String> fileForSheet(String sheetName) {
        return Optional.ofNullable(FILE_BY_SHEET.get(TextFolding.fold(sheetName)));
    }

    /** Whether a workbook is reference input rather than a submission (it has no cover sheet). */
    public static boolean isReferenceWorkbook(SubmissionWorkbook workbook) {
        return isReferenceWorkbook(workbook.sheetNames());
    }

    /**
     * Whether a workbook with these sheets is reference input: no cover sheet ("Submission",
     * whatever its case and surrounding spaces), and a reference sheet or a Review sheet.
     */
    public static boolean isReferenceWorkbook(List<String> sheetNames) {
        if (sheetNames.stream().anyMatch(name -> name.trim().toLowerCase(java.util.Locale.ROOT).equals("submission"))) {
            return false;
        }
        return sheetNames.stream().anyMatch(
                name -> fileForSheet(name).isPresent() || TextFolding.fold(name).equals("review"));
    }

    /** Reads the reference sheets and the Review decisions of a reference workbook. */
    public static ReferenceWorkbook read(SubmissionWorkbook workbook, String name, Map<String, List<String>> columnsByFile)
            throws IOException {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        List<Decisions.Decision> decisions = new ArrayList<>();
        for (String sheet : workbook.sheetNames()) {
            Optional<String> file = fileForSheet(sheet);
            if (file.isPresent()) {
                List<String> columns = columnsByFile.get(file.get());
                List<Map<String, String>> rows = readTable(workbook, sheet, columns, columns.get(0));
                if (!rows.isEmpty()) {
                    tables.computeIfAbsent(file.get(), f -> new ArrayList<>()).addAll(rows);
                }
            } else if (TextFolding.fold(sheet).equals("review")) {
                for (Map<String, String> row : readTable(workbook, sheet,
                        List.of("kind", "crime area", "text as submitted", "decision"), "decision")) {
                    String value = Decisions.decisionValue(row.get("decision"));
                    String text = TextFolding.fold(row.get("text as submitted"));
                    String kind = TextFolding.fold(row.get("kind"));
                    if (value == null || text.isEmpty()) {
                        continue;
                    }
                    String area = row.get("crime area");
                    decisions.add(new Decisions.Decision(kind.equals(Decisions.PLACE) ? Decisions.PLACE
                            : Decisions.MODUS_OPERANDI, area == null || area.isBlank() ? null : area.strip(),
                            text, value, name + "!" + sheet));
                }
            }
        }
        return new ReferenceWorkbook(name, tables, decisions);
    }

    /**
     * Reads a sheet whose header row (the first row holding the key column) names some of the
     * columns; returns one map per non-blank data row, keyed by the expected column names.
     */
    private static List<Map<String, String>> readTable(SubmissionWorkbook workbook, String sheet, List<String> columns,
            String keyColumn) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        Map<Integer, String> columnAt = null;
        try (SheetReader reader = workbook.openSheet(sheet)) {
            while (reader.hasNext()) {
                SheetRow row = reader.next();
                if (row.isBlank()) {
                    continue;
                }
                if (columnAt == null) {
                    Map<Integer, String> found = new HashMap<>();
                    for (CellValue cell : row.cells()) {
                        String folded = TextFolding.fold(cell.text());
                        for (String column : columns) {
                            if (TextFolding.fold(column).equals(folded)) {
                                found.put(cell.column(), column);
                            }
                        }
                    }
                    if (found.containsValue(keyColumn) && found.size() >= 2) {
                        columnAt = found;
                    }
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (CellValue cell : row.cells()) {
                    String column = columnAt.get(cell.column());
                    if (column != null && !cell.isBlank()) {
                        values.put(column, cell.text().strip());
                    }
                }
                String key = values.get(keyColumn);
                if (key != null && !key.isBlank()) {
                    rows.add(values);
                }
            }
        }
        return rows;
    }
}
