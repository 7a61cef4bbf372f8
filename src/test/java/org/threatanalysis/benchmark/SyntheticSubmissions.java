package org.threatanalysis.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Generates a synthetic submission set of a given size for the benchmark: one workbook per member
 * state and year, each with the three data sheets of about {@code rowsPerSheet} rows, realistic
 * multilingual text and the usual messiness (numbers as text with a decimal comma, suppressed
 * values, blank and total rows, a title row above the header, and in a third of the states' workbooks
 * the Year merged down the Indicators sheet between blank rows). Texts are kept as Excel saves
 * them, in the workbook's shared-string table, except in the workbooks of a quarter of the states,
 * which are exports from a national system that writes each text into its cell (inline strings).
 * Deterministic for a given seed.
 */
public final class SyntheticSubmissions {

    /** Changes when the generated files change, so that a set generated earlier is generated again. */
    public static final int VERSION = 3;

    private static final List<String> STATES = List.of("Albania", "Bosnia and Herzegovina", "Bulgaria", "Moldova",
            "Montenegro", "North Macedonia", "Romania", "Serbia", "Kosovo*", "Croatia", "Slovenia", "Greece",
            "Hungary", "Türkiye", "Austria", "Italy");
    private static final List<String> AREAS = List.of("Drug trafficking", "Migrant smuggling", "trafic de persoane",
            "трговина оружјем", "šverc cigareta", "каналджийство", "trafik droge");
    private static final List<String> INDICATORS = List.of("cases", "suspects", "arrests", "victims", "seizures",
            "cazuri", "хапшења");
    private static final List<String> COMMODITIES = List.of("heroin", "cocaine", "cannabis", "cigarettes", "firearms",
            "canabis", "хероин");
    private static final List<String> UNITS = List.of("kg", "g", "t", "pieces", "packs", "cartons", "kom");
    private static final List<String> MO = List.of("hidden in trucks", "skriveni u kamionu", "ascunși în camion",
            "visa-free flights to Belgrade", "cerșetorie forțată", "Sky ECC", "fake job offers on social media",
            "maritime containers with bananas", "body packers on flights from São Paulo",
            "guided crossing of the green border on foot", "скривени у камиону", "money mules recruited online",
            "иновативна метода која није у речнику");
    private static final List<String> ROUTES = List.of("Turkey - Bulgaria - Serbia - Hungary - Austria",
            "TR>BG>RS>BA>HR>SI>AT", "Turska–Grčka–S. Makedonija–Srbija–Mađarska", "Guayaquil → Bar (ME)",
            "Албания→Гърция", "from Greece via North Macedonia and Serbia to Hungary", "Vlorë → Puglia by speedboat",
            "Srbija–BiH (Bihać, V. Kladuša)–Hrvatska–Slovenija–Italija");
    private static final List<String> TRENDS = List.of("new", "increasing", "stable", "decreasing", "u porastu", "nou");

    private SyntheticSubmissions() {
    }

    /** Writes {@code states x years} workbooks into {@code folder}; returns the number of data rows written. */
    public static long generate(Path folder, int states, int years, int rowsPerSheet, long seed) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(seed);
        long rows = 0;
        for (int s = 0; s < states; s++) {
            for (int y = 0; y < years; y++) {
                int year = 2017 + y;
                rows += workbook(folder.resolve(String.format("S%02d_%d.xlsx", s, year)), STATES.get(s % STATES.size()),
                        year, rowsPerSheet, mergesYears(s), savedByExcel(s), random);
            }
        }
        return rows;
    }

    /**
     * Writes one member state's workbook for a year again with other figures and text (as a
     * corrected submission would be), for the benchmark's night with one changed workbook.
     */
    public static long rewrite(Path file, int state, int year, int rowsPerSheet, long seed) throws IOException {
        return workbook(file, STATES.get(state % STATES.size()), year, rowsPerSheet, mergesYears(state),
                savedByExcel(state), new Random(seed));
    }

    /** Whether a state's clerk merges the Year cells (a third of them, as some real submissions do). */
    private static boolean mergesYears(int state) {
        return state % 3 == 2;
    }

    /**
     * Whether a state's workbooks are saved by Excel, which keeps texts in a shared-string table
     * (three quarters of them), or exported by a national system that writes inline strings.
     */
    private static boolean savedByExcel(int state) {
        return state % 4 != 3;
    }

    private static long workbook(Path file, String state, int year, int rowsPerSheet, boolean mergedYears,
            boolean sharedStrings, Random random) throws IOException {
        long rows = 0;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, false, sharedStrings)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet cover = workbook.createSheet("Submission");
            cell(cover.createRow(0), 0, "Member state");
            cell(cover.getRow(0), 1, state);
            cell(cover.createRow(1), 0, "Reporting period");
            cell(cover.getRow(1), 1, Integer.toString(year));
            cell(cover.createRow(2), 0, "Submission date");
            cover.getRow(2).createCell(1).setCellValue(java.time.LocalDate.of(year + 1, 3, 1));
            cover.getRow(2).getCell(1).setCellStyle(date);
            cell(cover.createRow(3), 0, "Revision");
            cover.getRow(3).createCell(1).setCellValue(1);

            Sheet indicators = workbook.createSheet("Indicators");
            cell(indicators.createRow(0), 0, "Ministry of Interior - Threat Analysis " + year);
            header(indicators.createRow(2), "Year", "Crime area", "Indicator", "Commodity", "Value", "Unit", "Notes");
            for (int i = 0; i < rowsPerSheet; i++) {
                Row row = indicators.createRow(3 + i);
                if (i % 500 == 499) {
                    continue; // a blank row now and then (no cells)
                }
                if (!mergedYears || i % 500 == 0) {
                    row.createCell(0).setCellValue(year); // merged: only the range's first cell holds it
                }
                cell(row, 1, pick(AREAS, random));
                String indicator = pick(INDICATORS, random);
                cell(row, 2, indicator);
                if (indicator.equals("seizures")) {
                    cell(row, 3, pick(COMMODITIES, random));
                    cell(row, 5, pick(UNITS, random));
                }
                int kind = random.nextInt(20);
                if (kind == 0) {
                    cell(row, 4, "<5");
                } else if (kind == 1) {
                    cell(row, 4, (random.nextInt(5000) + 1) + "," + random.nextInt(10));
                } else {
                    row.createCell(4).setCellValue(random.nextInt(5000));
                }
                if (random.nextInt(10) == 0) {
                    cell(row, 6, "estimated by the regional directorate");
                }
                rows++;
            }
            if (mergedYears) {
                // the Year merged over each run of rows between two blank rows
                for (int first = 0; first < rowsPerSheet; first += 500) {
                    int last = Math.min(first + 498, rowsPerSheet - 1);
                    if (last > first) {
                        indicators.addMergedRegion(new CellRangeAddress(3 + first, 3 + last, 0, 0));
                    }
                }
            }
            Row total = indicators.createRow(3 + rowsPerSheet);
            cell(total, 0, "Total");
            total.createCell(4).setCellValue(123456);

            Sheet mo = workbook.createSheet("Modus operandi");
            header(mo.createRow(0), "Year", "Crime area", "Modus operandi", "MO code", "Trend", "Notes");
            for (int i = 0; i < rowsPerSheet; i++) {
                Row row = mo.createRow(1 + i);
                row.createCell(0).setCellValue(year);
                cell(row, 1, pick(AREAS, random));
                cell(row, 2, pick(MO, random) + (random.nextInt(4) == 0 ? " in case " + random.nextInt(100000) : ""));
                if (random.nextInt(5) == 0) {
                    cell(row, 3, "MS01");
                }
                cell(row, 4, pick(TRENDS, random));
                rows++;
            }

            Sheet routes = workbook.createSheet("Routes");
            header(routes.createRow(0), "Year", "Crime area", "Commodity", "Route", "Transport", "Trend", "Notes");
            for (int i = 0; i < rowsPerSheet; i++) {
                Row row = routes.createRow(1 + i);
                row.createCell(0).setCellValue(year);
                cell(row, 1, pick(AREAS, random));
                cell(row, 2, pick(COMMODITIES, random));
                cell(row, 3, pick(ROUTES, random));
                cell(row, 4, random.nextBoolean() ? "road" : "sea");
                cell(row, 5, pick(TRENDS, random));
                rows++;
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return rows;
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static void header(Row row, String... labels) {
        for (int i = 0; i < labels.length; i++) {
            cell(row, i, labels[i]);
        }
    }

    private static void cell(Row row, int column, String value) {
        row.createCell(column).setCellValue(value);
    }
}
