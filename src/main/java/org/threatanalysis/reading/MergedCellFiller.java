package org.threatanalysis.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads the value of each merged range's top-left cell over every cell the range covers, so
 * that a Year merged over five rows counts for each of them.
 */
final class MergedCellFiller implements SheetReader {

    private final SheetReader rows;
    private final List<CellRange> regions;
    private final Map<CellRange, CellValue> topLeftValues = new HashMap<>();

    MergedCellFiller(SheetReader rows, List<CellRange> regions) {
        this.rows = rows;
        this.regions = List.copyOf(regions);
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public SheetRow next() {
        SheetRow row = rows.next();
        int rowNumber = row.rowNumber();
        List<CellRange> covering = null;
        for (CellRange region : regions) {
            if (rowNumber >= region.firstRow() && rowNumber <= region.lastRow()) {
                if (covering == null) {
                    covering = new ArrayList<>(2);
                }
                covering.add(region);
            }
        }
        if (covering == null) {
            return row;
        }
        for (CellRange region : covering) {
            if (rowNumber == region.firstRow()) {
                CellValue topLeft = row.cell(region.firstColumn());
                if (topLeft != null) {
                    topLeftValues.put(region, topLeft);
                }
            }
        }
        List<CellValue> cells = new ArrayList<>(row.cells());
        boolean changed = false;
        for (CellRange region : covering) {
            CellValue topLeft = topLeftValues.get(region);
            if (topLeft == null) {
                continue;
            }
            for (int column = region.firstColumn(); column <= region.lastColumn(); column++) {
                if (region.isTopLeft(rowNumber, column)) {
                    continue;
                }
                CellValue existing = row.cell(column);
                if (existing == null || existing.isBlank()) {
                    if (existing != null) {
                        cells.remove(existing);
                    }
                    cells.add(topLeft.atColumn(column));
                    changed = true;
                }
            }
        }
        if (!changed) {
            return row;
        }
        cells.sort((a, b) -> Integer.compare(a.column(), b.column()));
        return new SheetRow(rowNumber, cells);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
