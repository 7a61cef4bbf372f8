package org.threatanalysis.reading;

import org.apache.poi.ss.util.CellRangeAddress;

/** A rectangular range of cells, zero-based columns and one-based rows, as used for merged cells. */
public record CellRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {

    public static CellRange parse(String reference) {
        CellRangeAddress address = CellRangeAddress.valueOf(reference);
        return new CellRange(address.getFirstRow() + 1, address.getLastRow() + 1,
                address.getFirstColumn(), address.getLastColumn());
    }

    /** The A1-style reference, as {@link #parse} reads it. */
    public String reference() {
        return new CellRangeAddress(firstRow - 1, lastRow - 1, firstColumn, lastColumn).formatAsString();
    }

    boolean contains(int row, int column) {
        return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
    }

    boolean isTopLeft(int row, int column) {
        return row == firstRow && column == firstColumn;
    }
}
