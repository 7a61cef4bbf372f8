package org.threatanalysis.workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.threatanalysis.analysis.ChangeReport;
import org.threatanalysis.analysis.PresenceRow;
import org.threatanalysis.analysis.PresenceStatus;
import org.threatanalysis.analysis.RegionalTotal;
import org.threatanalysis.reference.ReferenceData;

/**
 * The first sheet: what the run covered, which states submitted which years, the headline
 * changes with links to their detail rows, and native charts of the main trends drawn from
 * small tables on the same sheet. Written with POI's in-memory sheet (it is small); the large
 * sheets stream.
 */
final class OverviewSheet {

    static final String NAME = "Overview";
    private static final int CHART_COLUMNS = 6;
    private static final int CHART_HEIGHT = 20;

    private final XSSFWorkbook workbook;
    private final XSSFSheet sheet;
    private final WorkbookStyles styles;
    private final ChangeReport report;
    private final ReferenceData reference;
    private int nextRow;
    private int casesSeries;

    OverviewSheet(XSSFWorkbook workbook, XSSFSheet sheet, WorkbookStyles styles, ChangeReport report,
            ReferenceData reference) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.styles = styles;
        this.report = report;
        this.reference = reference;
    }

    void write(RunFacts facts) {
        String period = report.fromYear() == report.toYear() ? Integer.toString(report.fromYear())
                : report.fromYear() + "\u2013" + report.toYear();
        Cell title = sheet.createRow(nextRow++).createCell(0);
        title.setCellValue("Threat analysis consolidation " + period);
        title.setCellStyle(styles.title());
        nextRow++;
        fact("Period", period);
        fact("Submissions", facts.accepted() + " accepted (" + facts.partlySuperseded() + " replaced in part and "
                + facts.whollySuperseded() + " wholly by a later revision), " + facts.rejected() + " rejected, "
                + facts.ignored() + " ignored: see the Submissions sheet");
        fact("Member states and entities", String.join(", ", report.coverage().keySet()));
        factNumber("Rows consolidated", facts.rowsConsolidated());
        factNumber("Data-quality findings", facts.dataQualityFindings());
        factNumber("Modus operandi not matched (for review)", facts.reviewEntries());
        factNumber("Routes not analysed (not fully understood)", report.routesNotAnalysed());
        fact("Reference data", facts.referenceFingerprint());
        if (facts.continuedSheets() != null) {
            fact("Sheets continued (more rows than a sheet holds)", facts.continuedSheets());
        }
        nextRow++;
        coverageMatrix();
        nextRow++;
        headlines();
        nextRow++;
        int casesTable = casesTable();
        nextRow++;
        int statusTable = statusTable();
        // Charts go below the tables, where no headline text runs under them.
        int chartRow = nextRow + 1;
        if (casesTable >= 0) {
            lineChart(casesTable, chartRow);
            chartRow += CHART_HEIGHT + 2;
        }
        if (statusTable >= 0) {
            barChart(statusTable, chartRow);
        }
        sheet.setColumnWidth(0, 44 * 256);
        for (int column = 1; column <= lastYearColumn(); column++) {
            sheet.setColumnWidth(column, 11 * 256);
        }
    }

    private void fact(String label, String value) {
        Row row = sheet.createRow(nextRow++);
        Cell name = row.createCell(0);
        name.setCellValue(label);
        name.setCellStyle(styles.label());
        Cell cell = row.createCell(1);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(styles.text());
    }

    private void factNumber(String label, long value) {
        Row row = sheet.createRow(nextRow++);
        Cell name = row.createCell(0);
        name.setCellValue(label);
        name.setCellStyle(styles.label());
        Cell cell = row.createCell(1);
        cell.setCellValue(value);
        cell.setCellStyle(styles.integer());
    }

    private void section(String text) {
        Cell cell = sheet.createRow(nextRow++).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(styles.section());
    }

    private void headerRow(List<String> headers) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(styles.header());
        }
    }

    private List<String> yearHeaders(String first) {
        List<String> headers = new ArrayList<>();
        headers.add(first);
        for (int year = report.fromYear(); year <= report.toYear(); year++) {
            headers.add(Integer.toString(year));
        }
        return headers;
    }

    private void coverageMatrix() {
        section("Which member states submitted which years (the revision that stands)");
        headerRow(yearHeaders("Member state or entity"));
        for (Map.Entry<String, Map<Integer, Integer>> state : report.coverage().entrySet()) {
            Row row = sheet.createRow(nextRow++);
            row.createCell(0).setCellValue(state.getKey());
            int column = 1;
            for (int year = report.fromYear(); year <= report.toYear(); year++, column++) {
                Integer revision = state.getValue().get(year);
                Cell cell = row.createCell(column);
                if (revision != null) {
                    cell.setCellValue("rev " + revision);
                    cell.setCellStyle(styles.covered());
                }
            }
        }
    }

    private void headlines() {
        section("Headline changes (click one to see its detail row)");
        List<Headline> headlines = Headlines.of(report, reference);
        if (headlines.isEmpty()) {
            sheet.createRow(nextRow++).createCell(0).setCellValue("No change found across the period.");
        }
        for (Headline headline : headlines) {
            Cell cell = sheet.createRow(nextRow++).createCell(0);
            cell.setCellValue(headline.text());
            XSSFHyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            link.setAddress(headline.address());
            cell.setHyperlink(link);
            cell.setCellStyle(styles.link());
        }
    }

    /** Regional cases per crime area and year; returns the header row index, or -1 when there are none. */
    private int casesTable() {
        Map<String, Map<Integer, BigDecimal>> cases = new TreeMap<>();
        for (RegionalTotal total : report.totals()) {
            if ("cases".equals(total.indicator()) && total.total() != null) {
                cases.computeIfAbsent(total.crimeArea(), k -> new TreeMap<>()).merge(total.year(), total.total(), BigDecimal::add);
            }
        }
        if (cases.isEmpty()) {
            return -1;
        }
        casesSeries = cases.size();
        section("Cases by crime area, regional totals of the states reporting (see Regional totals for coverage)");
        int header = nextRow;
        headerRow(yearHeaders("Crime area"));
        for (Map.Entry<String, Map<Integer, BigDecimal>> area : cases.entrySet()) {
            Row row = sheet.createRow(nextRow++);
            row.createCell(0).setCellValue(reference.crimeAreas().label(area.getKey()));
            int column = 1;
            for (int year = report.fromYear(); year <= report.toYear(); year++, column++) {
                BigDecimal value = area.getValue().get(year);
                Cell cell = row.createCell(column);
                if (value != null) {
                    cell.setCellValue(value.doubleValue());
                    cell.setCellStyle(styles.integer());
                }
            }
        }
        return header;
    }

    /** Region-wide modus operandi changes per year; returns the header row index. */
    private int statusTable() {
        section("Modus operandi changes per year, whole region");
        int header = nextRow;
        headerRow(yearHeaders("Status"));
        for (PresenceStatus status : List.of(PresenceStatus.NEW, PresenceStatus.RE_EMERGED,
                PresenceStatus.NO_LONGER_REPORTED)) {
            Row row = sheet.createRow(nextRow++);
            row.createCell(0).setCellValue(status.label());
            int column = 1;
            for (int year = report.fromYear(); year <= report.toYear(); year++, column++) {
                int count = 0;
                for (PresenceRow mo : report.modusOperandi()) {
                    if (mo.isRegion() && mo.statuses().get(year) == status) {
                        count++;
                    }
                }
                Cell cell = row.createCell(column);
                cell.setCellValue(count);
                cell.setCellStyle(styles.integer());
            }
        }
        return header;
    }

    private int lastYearColumn() {
        return report.toYear() - report.fromYear() + 1;
    }

    private void lineChart(int headerRow, int topRow) {
        int firstSeries = headerRow + 1;
        int lastSeries = headerRow + casesSeries;
        XSSFChart chart = chart(topRow, "Cases by crime area and year");
        XDDFCategoryAxis years = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(headerRow, headerRow, 1, lastYearColumn()));
        XDDFChartData data = chart.createData(ChartTypes.LINE, years, values);
        for (int r = firstSeries; r <= lastSeries; r++) {
            XDDFNumericalDataSource<Double> series = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(r, r, 1, lastYearColumn()));
            XDDFChartData.Series line = data.addSeries(categories, series);
            line.setTitle(sheet.getRow(r).getCell(0).getStringCellValue(), new CellReference(sheet.getSheetName(), r, 0,
                    true, true));
            XDDFLineProperties stroke = new XDDFLineProperties();
            stroke.setFillProperties(fill(r - firstSeries));
            stroke.setWidth(2.25);
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setLineProperties(stroke);
            line.setShapeProperties(shape);
            ((XDDFLineChartData.Series) line).setSmooth(false);
        }
        chart.plot(data);
    }

    private void barChart(int headerRow, int topRow) {
        XSSFChart chart = chart(topRow, "Modus operandi changes per year (region)");
        XDDFCategoryAxis years = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(headerRow, headerRow, 1, lastYearColumn()));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, years, values);
        data.setBarDirection(BarDirection.COL);
        for (int r = headerRow + 1; r <= headerRow + 3; r++) {
            XDDFNumericalDataSource<Double> series = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(r, r, 1, lastYearColumn()));
            XDDFChartData.Series bar = data.addSeries(categories, series);
            bar.setTitle(sheet.getRow(r).getCell(0).getStringCellValue(), new CellReference(sheet.getSheetName(), r, 0,
                    true, true));
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setFillProperties(fill(r - headerRow - 1));
            bar.setShapeProperties(shape);
        }
        chart.plot(data);
    }

    /** Explicit colours: without them some spreadsheet applications draw no line and no bar at all. */
    private static XDDFSolidFillProperties fill(int index) {
        PresetColor[] palette = {PresetColor.TEAL, PresetColor.DARK_ORANGE, PresetColor.ROYAL_BLUE,
            PresetColor.FIREBRICK, PresetColor.FOREST_GREEN, PresetColor.GOLDENROD, PresetColor.DARK_VIOLET,
            PresetColor.SLATE_GRAY};
        return new XDDFSolidFillProperties(XDDFColor.from(palette[index % palette.length]));
    }

    private XSSFChart chart(int topRow, String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, topRow, CHART_COLUMNS, topRow + CHART_HEIGHT);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

}
