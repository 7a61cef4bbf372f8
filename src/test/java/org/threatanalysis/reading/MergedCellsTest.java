package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threatanalysis.reading.FixtureWorkbooks.INDICATOR_HEADER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threatanalysis.importing.ImportFixtures;
import org.threatanalysis.importing.ImportItem;

/** A value in a merged cell applies to every row that the merged range covers. */
class MergedCellsTest {

    @TempDir
    Path dir;

    /** Year merged over A2:A4 and crime area over B2:B3, values only in the top-left cells. */
    private Path mergedYears(String fileName) {
        return FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row(INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 12)
                .row(null, null, "suspects", null, 30)
                .row(null, "Trafficking in human beings", "victims", null, 4)
                .row(2020, "Migrant smuggling", "cases", null, 14)
                .row(null, "Migrant smuggling", "suspects", null, 33)
                .merge("A2:A4")
                .merge("B2:B3")
                .saveAs(dir.resolve(fileName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ME_2021.xlsx", "ME_2021.xls"})
    void shouldGiveEveryRowOfAMergedYearTheSameYear(String fileName) {
        List<SheetRow> rows = FixtureWorkbooks.readSheet(mergedYears(fileName), "Indicators");

        for (int rowNumber = 2; rowNumber <= 4; rowNumber++) {
            CellValue year = FixtureWorkbooks.row(rows, rowNumber).cell(0);
            assertThat(year).as("year of row %d", rowNumber).isNotNull();
            assertThat(year.kind()).isEqualTo(CellValue.Kind.NUMBER);
            assertThat(year.number()).as("year of row %d", rowNumber).isEqualTo(2019.0);
            assertThat(year.column()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ME_2021.xlsx", "ME_2021.xls"})
    void shouldSpreadAMergedTextCellOnlyOverItsRange(String fileName) {
        List<SheetRow> rows = FixtureWorkbooks.readSheet(mergedYears(fileName), "Indicators");

        assertThat(FixtureWorkbooks.row(rows, 3).cell(1).text()).isEqualTo("Migrant smuggling");
        assertThat(FixtureWorkbooks.row(rows, 4).cell(1).text()).isEqualTo("Trafficking in human beings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ME_2021.xlsx", "ME_2021.xls"})
    void shouldNotSpreadAMergedValueBelowItsRange(String fileName) {
        List<SheetRow> rows = FixtureWorkbooks.readSheet(mergedYears(fileName), "Indicators");

        assertThat(FixtureWorkbooks.row(rows, 6).cell(0)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ME_2021.xlsx", "ME_2021.xls"})
    void shouldHandTheMergedYearOnToTheImportWithTheCoveredCell(String fileName) {
        List<ImportItem> items = ImportFixtures.readAll(mergedYears(fileName));

        ImportItem.RawRow fourth = ImportFixtures.rawRow(items, "Indicators", 4);
        assertThat(fourth.value("year").number()).isEqualTo(2019.0);
        assertThat(fourth.cell("year")).isEqualTo("A4");
        assertThat(fourth.blank()).isFalse();
    }

    /**
     * A sheet part too large to hold in memory is streamed, and its merged ranges are found by a
     * first pass over it: the same years as a small sheet's.
     */
    @Test
    void shouldFindTheMergedRangesOfASheetTooLargeToHold() throws Exception {
        Path small = mergedYears("ME_2021.xlsx");
        Path large = dir.resolve("ME_2022.xlsx");
        int padding = XlsxWorkbook.MAX_HELD_SHEET_BYTES + 1_000_000;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(small));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(large))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    // text that does not compress, so that the zip's inflation-ratio check lets it through
                    String xml = new String(content, StandardCharsets.UTF_8);
                    byte[] noise = new byte[padding * 3 / 4];
                    new Random(7).nextBytes(noise);
                    xml = xml.replace("<sheetData>", "<!-- " + Base64.getEncoder().encodeToString(noise) + " --><sheetData>");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                    assertThat(content.length).isGreaterThan(XlsxWorkbook.MAX_HELD_SHEET_BYTES);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }

        List<SheetRow> rows = FixtureWorkbooks.readSheet(large, "Indicators");

        for (int rowNumber = 2; rowNumber <= 4; rowNumber++) {
            assertThat(FixtureWorkbooks.row(rows, rowNumber).cell(0).number()).as("year of row %d", rowNumber)
                    .isEqualTo(2019.0);
        }
        assertThat(FixtureWorkbooks.row(rows, 3).cell(1).text()).isEqualTo("Migrant smuggling");
        assertThat(FixtureWorkbooks.row(rows, 4).cell(1).text()).isEqualTo("Trafficking in human beings");
        assertThat(FixtureWorkbooks.row(rows, 6).cell(0)).isNull();
    }
}
