package org.threatanalysis.reading;

import java.util.List;

/**
 * One physical row of a sheet: its one-based row number and its non-empty cells in column order.
 */
public record SheetRow(int rowNumber, List<CellValue> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public CellValue cell(int column) {
        // by index: called for every template column of every row, an iterator each time adds up
        for (int i = 0, n = cells.size(); i < n; i++) {
            CellValue cell = cells.get(i);
            if (cell.column() == column) {
                return cell;
            }
            if (cell.column() > column) {
                return null;
            }
        }
        return null;
    }

    public boolean isBlank() {
        for (CellValue cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
