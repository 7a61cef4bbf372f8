package org.threatanalysis.workbook;

import java.util.List;

import org.threatanalysis.analysis.ChangeReport;
import org.threatanalysis.analysis.IndicatorChange;
import org.threatanalysis.analysis.PresenceRow;
import org.threatanalysis.analysis.RegionalTotal;
import org.threatanalysis.analysis.RouteShift;
import org.threatanalysis.reference.ReferenceData;

/**
 * The change sheets: modus operandi and routes year by year (region first, then each state),
 * route shifts, regional totals and indicator trends. Rows come in the report's order, so the
 * overview can link to a row before the sheet is written ({@link #ROW_OFFSET}).
 */
final class ChangeSheets {

    static final String MO_CHANGES = "MO changes";
    static final String ROUTE_CHANGES = "Route changes";
    static final String ROUTE_SHIFTS = "Route shifts";
    static final String REGIONAL_TOTALS = "Regional totals";
    static final String INDICATOR_TRENDS = "Indicator trends";
    /** The sheets this writes, in their order in the workbook. */
    static final List<String> NAMES = List.of(MO_CHANGES, ROUTE_CHANGES, ROUTE_SHIFTS, REGIONAL_TOTALS,
            INDICATOR_TRENDS);
    /** Sheet row number (1-based) of the report's item at index 0: row 1 is the header. */
    static final int ROW_OFFSET = 2;

    private final StreamingWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReferenceData reference;
    private final ChangeReport report;

    ChangeSheets(StreamingWorkbook workbook, WorkbookStyles styles, ReferenceData reference, ChangeReport report) {
        this.workbook = workbook;
        this.styles = styles;
        this.reference = reference;
        this.report = report;
    }

    void write() {
        writeModusOperandi();
        writeRoutes();
        writeShifts();
        writeTotals();
        writeTrends();
    }

    private String[] presenceHeaders(String... leading) {
        int years = report.toYear() - report.fromYear() + 1;
        String[] headers = new String[leading.length + 4 + 2 * years];
        int i = 0;
        for (String header : leading) {
            headers[i++] = header;
        }
        headers[i++] = "First year";
        headers[i++] = "Last year";
        headers[i++] = "Years reported";
        for (int year = report.fromYear(); year <= report.toYear(); year++) {
            headers[i++] = Integer.toString(year);
        }
        for (int year = report.fromYear(); year <= report.toYear(); year++) {
            headers[i++] = "States " + year;
        }
        headers[i] = "Trends given";
        return headers;
    }

    private void presenceColumns(SheetWriter sheet, PresenceRow row) {
        sheet.year(row.firstYear()).year(row.lastYear())
                .text(String.join(", ", row.yearsReported().stream().map(String::valueOf).toList()));
        for (int year = report.fromYear(); year <= report.toYear(); year++) {
            sheet.text(row.statuses().get(year).label());
        }
        for (int year = report.fromYear(); year <= report.toYear(); year++) {
            sheet.integer(row.statesPerYear().get(year));
        }
        sheet.text(row.trendSummary());
    }

    private void writeModusOperandi() {
        SheetWriter sheet = new SheetWriter(workbook, MO_CHANGES, styles,
                presenceHeaders("Crime area", "Crime area name", "MO code", "MO label", "Scope"));
        for (PresenceRow row : report.modusOperandi()) {
            sheet.row().text(row.crimeArea()).text(reference.crimeAreas().label(row.crimeArea())).text(row.key())
                    .text(reference.modusOperandi().label(row.key())).text(row.scope());
            presenceColumns(sheet, row);
        }
        sheet.finish();
    }

    private void writeRoutes() {
        SheetWriter sheet = new SheetWriter(workbook, ROUTE_CHANGES, styles,
                presenceHeaders("Crime area", "Crime area name", "Commodity", "Route", "Scope"));
        for (PresenceRow row : report.routes()) {
            sheet.row().text(row.crimeArea()).text(reference.crimeAreas().label(row.crimeArea())).text(row.commodity())
                    .text(row.key()).text(row.scope());
            presenceColumns(sheet, row);
        }
        sheet.finish();
    }

    private void writeShifts() {
        SheetWriter sheet = new SheetWriter(workbook, ROUTE_SHIFTS, styles, "Crime area", "Crime area name",
                "Commodity", "From year", "To year", "Route before", "Route after", "Change", "Countries removed",
                "Countries added", "Entry point moved", "Exit point moved", "Transport before", "Transport after",
                "States reporting", "Number of states");
        for (RouteShift shift : report.shifts()) {
            sheet.row().text(shift.crimeArea()).text(reference.crimeAreas().label(shift.crimeArea()))
                    .text(shift.commodity()).year(shift.fromYear()).year(shift.toYear()).text(shift.beforeSequence())
                    .text(shift.afterSequence()).text(shift.describe()).text(String.join(", ", shift.removed()))
                    .text(String.join(", ", shift.added())).text(shift.entryPoint()).text(shift.exitPoint())
                    .text(shift.transportBefore()).text(shift.transportAfter()).text(String.join(", ", shift.states()))
                    .integer(shift.states().size());
        }
        sheet.finish();
    }

    private void writeTotals() {
        SheetWriter sheet = new SheetWriter(workbook, REGIONAL_TOTALS, styles, "Crime area",
                "Crime area name", "Indicator", "Commodity", "Unit", "Year", "Regional total", "States reporting",
                "States", "Suppressed or missing figures");
        for (RegionalTotal total : report.totals()) {
            sheet.row().text(total.crimeArea()).text(reference.crimeAreas().label(total.crimeArea()))
                    .text(total.indicator()).text(total.commodity()).text(total.unit()).year(total.year())
                    .decimal(total.total()).integer(total.states().size()).text(String.join(", ", total.states()))
                    .integer(total.suppressedOrMissing());
        }
        sheet.finish();
    }

    private void writeTrends() {
        SheetWriter sheet = new SheetWriter(workbook, INDICATOR_TRENDS, styles, "Crime area",
                "Crime area name", "Indicator", "Commodity", "Unit", "Comparison", "From year", "To year",
                "Total from (all reporting states)", "Total to (all reporting states)", "States reporting from",
                "States reporting to", "Comparable states", "Comparable total from", "Comparable total to", "Change",
                "Change %", "Coverage note");
        for (IndicatorChange change : report.changes()) {
            sheet.row().text(change.crimeArea()).text(reference.crimeAreas().label(change.crimeArea()))
                    .text(change.indicator()).text(change.commodity()).text(change.unit()).text(change.comparison())
                    .year(change.fromYear()).year(change.toYear()).decimal(change.totalFrom()).decimal(change.totalTo())
                    .integer(change.statesFrom()).integer(change.statesTo())
                    .text(String.join(", ", change.comparableStates())).decimal(change.comparableFrom())
                    .decimal(change.comparableTo()).decimal(change.change()).ratio(change.changePercent())
                    .text(change.note());
        }
        sheet.finish();
    }

    static List<String> names() {
        return List.of(MO_CHANGES, ROUTE_CHANGES, ROUTE_SHIFTS, REGIONAL_TOTALS, INDICATOR_TRENDS);
    }
}
