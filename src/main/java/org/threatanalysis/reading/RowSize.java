package org.threatanalysis.reading;

/**
 * What the reading budget needs to know of a sheet row, without its values: its one-based row
 * number, how many cells it has and the length of its longest text.
 */
public record RowSize(int rowNumber, int cells, int longestText) {
}
