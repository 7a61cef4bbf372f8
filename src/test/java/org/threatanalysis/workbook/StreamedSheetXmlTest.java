package org.threatanalysis.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sheet XML the streaming writer produces by hand reads back, in POI, as the values that were
 * written: text that needs escaping, text that looks like Excel's own escapes, characters XML
 * cannot carry, surrounding spaces, numbers, dates and styles; the frozen header, the filter and
 * the column widths set on the sheet stay, and the dimension is the used range.
 */
class StreamedSheetXmlTest {

    @TempDir
    Path temp;

    @Test
    void shouldReadBackEveryValueAsWritten() throws IOException {
        XSSFWorkbook template = new XSSFWorkbook();
        WorkbookStyles styles = new WorkbookStyles(template);
        template.createSheet("First");
        Path file = temp.resolve("streamed.xlsx");
        try (StreamingWorkbook workbook = new StreamingWorkbook(template, temp)) {
            SheetWriter sheet = new SheetWriter(workbook, "Data", styles, "Text", "Number", "Date", "Year");
            sheet.row().text("a < b & c > d \"quoted\"").decimal(new BigDecimal("53.5")).date(LocalDate.of(2020, 2, 29))
                    .year(2021);
            sheet.row().text("  padded  ").integer(1_234_567).text(null).year(null);
            sheet.row().text("_x0041_ stays as typed").ratio(0.25);
            sheet.row().text("bell\u0007 and \uD800 lone surrogate, 😀 kept").decimal(new BigDecimal("-0.001"));
            sheet.row().text("=SUM(A1:A3)").decimal(new BigDecimal("12345678901234567890"));
            sheet.finish();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
            assertThat(read.getSheetAt(0).getSheetName()).isEqualTo("First");
            XSSFSheet data = read.getSheet("Data");
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Text");
            assertThat(data.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();

            XSSFRow first = data.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("a < b & c > d \"quoted\"");
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(53.5);
            assertThat(first.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.###");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(2))).isTrue();
            assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2020, 2, 29));
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(2021);

            XSSFRow second = data.getRow(2);
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("  padded  ");
            assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(1_234_567);
            assertThat(second.getCell(2)).isNull();

            assertThat(data.getRow(3).getCell(0).getStringCellValue()).isEqualTo("_x0041_ stays as typed");
            assertThat(data.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(0.25);
            assertThat(data.getRow(4).getCell(0).getStringCellValue()).isEqualTo("bell? and ? lone surrogate, 😀 kept");
            assertThat(data.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(-0.001);

            XSSFRow formula = data.getRow(5);
            assertThat(formula.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCell(0).getStringCellValue()).isEqualTo("=SUM(A1:A3)");
            assertThat(formula.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(formula.getCell(1).getNumericCellValue()).isEqualTo(1.2345678901234567e19);

            assertThat(data.getLastRowNum()).isEqualTo(5);
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            assertThat(data.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D6");
            assertThat(data.getCTWorksheet().getDimension().getRef()).isEqualTo("A1:D6");
            assertThat(data.getColumnWidth(0)).isGreaterThan(data.getColumnWidth(3));
        }
    }

    @Test
    void shouldListTheFiltersInSheetOrderWhateverOrderTheSheetsFinishIn() throws IOException {
        // Sheets written side by side finish in any order; the workbook part must not depend on it.
        XSSFWorkbook template = new XSSFWorkbook();
        WorkbookStyles styles = new WorkbookStyles(template);
        Path file = temp.resolve("filters.xlsx");
        try (StreamingWorkbook workbook = new StreamingWorkbook(template, temp)) {
            List<SheetWriter> sheets = new ArrayList<>();
            for (String name : List.of("First", "Second", "Third")) {
                SheetWriter sheet = new SheetWriter(workbook, name, styles, "Text");
                sheet.row().text(name);
                sheets.add(sheet);
            }
            sheets.get(2).finish();
            sheets.get(0).finish();
            sheets.get(1).finish();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
            List<Integer> filteredSheets = new ArrayList<>();
            for (var name : read.getAllNames()) {
                assertThat(name.getNameName()).isEqualTo("_xlnm._FilterDatabase");
                filteredSheets.add(name.getSheetIndex());
            }
            assertThat(filteredSheets).containsExactly(0, 1, 2);
            assertThat(read.getSheet("Third").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:A2");
        }
    }

    @Test
    void shouldEscapeAndEncodeTextAcrossTheWriteBuffer() throws IOException {
        XSSFWorkbook template = new XSSFWorkbook();
        WorkbookStyles styles = new WorkbookStyles(template);
        Path file = temp.resolve("escaped.xlsx");
        // Long cells of two- and three-byte characters with markup between: the sheet's 64 KB
        // write buffer fills in the middle of a cell, of a character and of an escape.
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            texts.add(("Ж<Ελλάδα & Србија> _x0041_ → " + i + " ").repeat(30_000 / 40));
        }
        texts.add("non-characters \uFFFE and \uFFFF, a tab\tand a NUL \u0000 end");
        texts.add("_x00e9_ escaped, _x12G4_ not, trailing _x004");
        try (StreamingWorkbook workbook = new StreamingWorkbook(template, temp)) {
            SheetWriter sheet = new SheetWriter(workbook, "Data", styles, "Text", "Number");
            long[] numbers = {0, -7, 999_999_999_999_999L, -1_000_000};
            for (int i = 0; i < texts.size(); i++) {
                sheet.row().text(texts.get(i)).integer(numbers[i % numbers.length]);
            }
            sheet.finish();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
            Sheet data = read.getSheet("Data");
            for (int i = 0; i < 12; i++) {
                assertThat(data.getRow(i + 1).getCell(0).getStringCellValue()).isEqualTo(texts.get(i));
            }
            assertThat(data.getRow(13).getCell(0).getStringCellValue())
                    .isEqualTo("non-characters ? and ?, a tab\tand a NUL ? end");
            assertThat(data.getRow(14).getCell(0).getStringCellValue()).isEqualTo(texts.get(13));
            assertThat(data.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(0);
            assertThat(data.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(-7);
            assertThat(data.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(999_999_999_999_999d);
            assertThat(data.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(-1_000_000);
        }
    }
}
