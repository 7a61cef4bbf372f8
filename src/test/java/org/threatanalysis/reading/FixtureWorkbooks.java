package org.threatanalysis.reading;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds small submission workbooks for tests, as .xlsx or .xls, from rows of plain Java values.
 *
 * <p>Cell values: {@link String} becomes a text cell, {@link Number} a numeric cell,
 * {@link LocalDate}/{@link LocalDateTime} a date-formatted numeric cell ({@code dd.mm.yyyy} unless
 * {@link #date(LocalDate, String)} names another format), {@link Boolean} a boolean cell,
 * {@link #formula(String)} a formula (evaluated before saving, so a cached value exists) and
 * {@code null} no cell at all. {@link SheetBuilder#emptyRow()} writes a row without cells,
 * {@link SheetBuilder#skipRow()} leaves the row out of the file.
 *
 * <pre>{@code
 * Path file = FixtureWorkbooks.workbook()
 *         .sheet("Indicators")
 *             .row("Year", "Crime area", "Indicator", "Value")
 *             .row(2019, "Migrant smuggling", "cases", 12)
 *             .merge("A2:A4")
 *         .saveAs(tempDir.resolve("RO.xlsx"));
 * }</pre>
 */
public final class FixtureWorkbooks {

    /** The contract's column order of the Indicators sheet. */
    public static final Object[] INDICATOR_HEADER =
            {"Year", "Crime area", "Indicator", "Commodity", "Value", "Unit", "Notes"};

    private final Map<String, SheetBuilder> sheets = new LinkedHashMap<>();
    private boolean date1904;

    private FixtureWorkbooks() {
    }

    public static FixtureWorkbooks workbook() {
        return new FixtureWorkbooks();
    }

    /** Uses the 1904 date system (old Mac Excel) for the workbook; dates are written in it. */
    public FixtureWorkbooks date1904() {
        this.date1904 = true;
        return this;
    }

    /** A formula cell, e.g. {@code formula("SUM(E2:E3)")} (no leading '='). */
    public static Formula formula(String expression) {
        return new Formula(expression);
    }

    /** A date cell shown with the given Excel number format, e.g. {@code "yyyy"} or {@code "m/d/yy"}. */
    public static FormattedDate date(LocalDate date, String format) {
        return new FormattedDate(date.atStartOfDay(), format);
    }

    /** Starts (or continues) the sheet of that name; sheets are written in the order first named. */
    public SheetBuilder sheet(String name) {
        return sheets.computeIfAbsent(name, SheetBuilder::new);
    }

    /** Saves as .xls when the name ends in {@code .xls}, otherwise as .xlsx; returns the file. */
    public Path saveAs(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Workbook workbook = name.endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook()) {
            fill(workbook);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(Workbook workbook) {
        if (date1904) {
            if (!(workbook instanceof XSSFWorkbook xssf)) {
                throw new UnsupportedOperationException("the 1904 date system is only written to .xlsx fixtures");
            }
            var properties = xssf.getCTWorkbook().isSetWorkbookPr() ? xssf.getCTWorkbook().getWorkbookPr()
                    : xssf.getCTWorkbook().addNewWorkbookPr();
            properties.setDate1904(true);
        }
        Map<String, CellStyle> dateStyles = new LinkedHashMap<>();
        for (SheetBuilder builder : sheets.values()) {
            Sheet sheet = workbook.createSheet(builder.name);
            for (int r = 0; r < builder.rows.size(); r++) {
                List<Object> values = builder.rows.get(r);
                if (values == null) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value != null) {
                        setCell(workbook, row.createCell(c), value, dateStyles);
                    }
                }
            }
            for (String range : builder.merged) {
                sheet.addMergedRegion(CellRangeAddress.valueOf(range));
            }
        }
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    private static void setCell(Workbook workbook, Cell cell, Object value, Map<String, CellStyle> dateStyles) {
        if (value instanceof String text) {
            cell.setCellValue(text);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof Formula formula) {
            cell.setCellFormula(formula.expression());
        } else if (value instanceof LocalDate date) {
            setDate(workbook, cell, date.atStartOfDay(), "dd.mm.yyyy", dateStyles);
        } else if (value instanceof LocalDateTime dateTime) {
            setDate(workbook, cell, dateTime, "dd.mm.yyyy", dateStyles);
        } else if (value instanceof FormattedDate date) {
            setDate(workbook, cell, date.dateTime(), date.format(), dateStyles);
        } else {
            throw new IllegalArgumentException("No cell for a " + value.getClass().getSimpleName() + ": " + value);
        }
    }

    private static void setDate(Workbook workbook, Cell cell, LocalDateTime dateTime, String format,
            Map<String, CellStyle> dateStyles) {
        CellStyle style = dateStyles.computeIfAbsent(format, f -> {
            CellStyle s = workbook.createCellStyle();
            s.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(f));
            return s;
        });
        cell.setCellValue(dateTime);
        cell.setCellStyle(style);
    }

    /** The rows of one sheet, written from row 1 down. */
    public final class SheetBuilder {

        private final String name;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<String> merged = new ArrayList<>();

        private SheetBuilder(String name) {
            this.name = name;
        }

        /** Appends a row; the first value goes to column A. */
        public SheetBuilder row(Object... values) {
            rows.add(Arrays.asList(values));
            return this;
        }

        /** Appends a row that exists in the file but holds no cell. */
        public SheetBuilder emptyRow() {
            rows.add(List.of());
            return this;
        }

        /** Appends a row number that is absent from the file. */
        public SheetBuilder skipRow() {
            rows.add(null);
            return this;
        }

        /** Merges a range such as {@code "A2:A4"}; the value stays in the top-left cell only. */
        public SheetBuilder merge(String range) {
            merged.add(range);
            return this;
        }

        /** The one-based number the next appended row will get. */
        public int nextRowNumber() {
            return rows.size() + 1;
        }

        public SheetBuilder sheet(String otherName) {
            return FixtureWorkbooks.this.sheet(otherName);
        }

        public Path saveAs(Path file) {
            return FixtureWorkbooks.this.saveAs(file);
        }
    }

    /** A formula cell's expression, without the leading '='. */
    public record Formula(String expression) {
    }

    /** A date cell with an explicit Excel number format. */
    public record FormattedDate(LocalDateTime dateTime, String format) {
    }

    /** Every row of a sheet as the streaming reader returns it. */
    public static List<SheetRow> readSheet(Path file, String sheetName) {
        try (SubmissionWorkbook workbook = SubmissionWorkbook.open(file);
                SheetReader reader = workbook.openSheet(sheetName)) {
            List<SheetRow> rows = new ArrayList<>();
            reader.forEachRemaining(rows::add);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnreadableWorkbookException e) {
            throw new IllegalStateException(file + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** The row with that one-based number, failing when the reader did not return it. */
    public static SheetRow row(List<SheetRow> rows, int rowNumber) {
        return rows.stream().filter(r -> r.rowNumber() == rowNumber).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + rowNumber + " in " + rows));
    }
}
