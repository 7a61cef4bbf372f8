package org.threatanalysis.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
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
}
