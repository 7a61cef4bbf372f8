package org.threatanalysis.workbook;

/**
 * One headline change in plain words, and the detail row it links to ({@code 'MO changes'!A12}).
 *
 * @param priority lower comes first on the overview
 * @param year the year the change shows in, latest first within a priority
 */
record Headline(String text, String sheet, int row, int priority, int year) {

    String address() {
        return "'" + sheet + "'!A" + row;
    }
}
