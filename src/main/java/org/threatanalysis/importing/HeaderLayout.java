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
public record HeaderLayout(int headerRow, Map<String, Integer> columns, List<CellValue> unknownColumns) {

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
        return Optional.of(new HeaderLayout(row.rowNumber(), Map.copyOf(columns), List.copyOf(unknown)));
    }

    public Map<String, CellValue> valuesOf(SheetRow row) {
        Map<String, CellValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            CellValue cell = row.cell(column.getValue());
            if (cell != null) {
                values.put(column.getKey(), cell);
            }
        }
        return values;
    }
}
