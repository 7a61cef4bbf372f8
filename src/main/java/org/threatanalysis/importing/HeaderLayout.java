package org.threatanalysis.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.SheetRow;
import org.threatanalysis.reference.HeaderAliases;

/**
 * Where each template field sits in a sheet: found on the first row whose labels name every
 * required field (title rows and blank rows above it are passed over), in any column order.
 */
public final class HeaderLayout {

    private final int headerRow;
    private final Map<String, Integer> columns;
    private final List<CellValue> unknownColumns;
    // The columns again as two arrays, which every data row's values are read through.
    private final String[] fields;
    private final int[] fieldColumns;

    HeaderLayout(int headerRow, Map<String, Integer> columns, List<CellValue> unknownColumns) {
        this.headerRow = headerRow;
        this.columns = Map.copyOf(columns);
        this.unknownColumns = List.copyOf(unknownColumns);
        this.fields = columns.keySet().stream().map(String::intern).toArray(String[]::new);
        this.fieldColumns = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            fieldColumns[i] = columns.get(fields[i]);
        }
    }

    /** The header's row number (one-based). */
    public int headerRow() {
        return headerRow;
    }

    /** Each field's column (zero-based). */
    public Map<String, Integer> columns() {
        return columns;
    }

    /** Header cells that name no field, or a field named before. */
    public List<CellValue> unknownColumns() {
        return unknownColumns;
    }

    /** How far down a sheet the header is looked for. */
    public static final int SEARCH_ROWS = 30;

    public static Optional<HeaderLayout> detect(SheetKind kind, SheetRow row, HeaderAliases aliases) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<CellValue> unknown = new ArrayList<>();
        for (CellValue cell : row.cells()) {
            if (cell.isBlank()) {
                continue;
            }
            if (cell.kind() != CellValue.Kind.TEXT) {
                // A number or date as a header names no field; its column is reported, not dropped silently.
                unknown.add(cell);
                continue;
            }
            Optional<String> field = aliases.field(kind.sheetName(), cell.text());
            if (field.isPresent() && !columns.containsKey(field.get())) {
                columns.put(field.get(), cell.column());
            } else {
                unknown.add(cell);
            }
        }
        if (!columns.keySet().containsAll(kind.requiredFields())) {
            return Optional.empty();
        }
        return Optional.of(new HeaderLayout(row.rowNumber(), columns, unknown));
    }

    /** A data row's cells by field, in the header's order of columns. */
    public Map<String, CellValue> valuesOf(SheetRow row) {
        CellValue[] cells = new CellValue[fields.length];
        for (int i = 0; i < fields.length; i++) {
            cells[i] = row.cell(fieldColumns[i]);
        }
        return new RowValues(fields, cells);
    }
}
