package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threatanalysis.reading.FixtureWorkbooks.INDICATOR_HEADER;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.importing.HeaderLayout;
import org.threatanalysis.importing.ImportFixtures;
import org.threatanalysis.importing.ImportItem;
import org.threatanalysis.importing.SheetKind;

/** The header row need not be row 1: title rows and blank rows may stand above it. */
class HeaderBelowTitleRowsTest {

    @TempDir
    Path dir;

    /** Rows 1-2 titles (row 1 merged across), row 3 blank, row 4 header, data from row 5. */
    private Path submissionWithTitleRows(String fileName) {
        return FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row("Threat assessment 2017-2021: Romania")
                .row("Quantitative indicators (all figures fictional)")
                .emptyRow()
                .row(INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 12, null, "first data row")
                .row(2020, "Migrant smuggling", "suspects", null, 30)
                .row(2021, "Trafficking in human beings", "victims", null, 4)
                .merge("A1:G1")
                .saveAs(dir.resolve(fileName));
    }

    @Test
    void shouldYieldOnlyTheRowsBelowTheHeader() {
        List<ImportItem> items = ImportFixtures.readAll(submissionWithTitleRows("RO_2021.xlsx"));

        assertThat(ImportFixtures.notices(items)).isEmpty();
        assertThat(ImportFixtures.rawRows(items)).extracting(ImportItem.RawRow::rowNumber).containsExactly(5, 6, 7);
    }

    @Test
    void shouldNameTheCellsOfTheFirstDataRowByTheirRealRowNumber() {
        List<ImportItem> items = ImportFixtures.readAll(submissionWithTitleRows("RO_2021.xlsx"));

        ImportItem.RawRow first = ImportFixtures.rawRows(items).get(0);
        assertThat(first.cell("year")).isEqualTo("A5");
        assertThat(first.cell("crime_area")).isEqualTo("B5");
        assertThat(first.cell("value")).isEqualTo("E5");
        assertThat(first.cell("notes")).isEqualTo("G5");
        assertThat(first.source("value")).isEqualTo("RO_2021.xlsx!Indicators!E5");
        assertThat(first.text("crime_area")).isEqualTo("Migrant smuggling");
        assertThat(first.value("value").number()).isEqualTo(12.0);
    }

    @Test
    void shouldFindHeaderBelowTitleRowsWhenTheBlankRowIsAbsentFromTheFile() {
        Path file = FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row("Threat assessment")
                .row("Romania, 2017-2021")
                .skipRow()
                .skipRow()
                .row(INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 12)
                .saveAs(dir.resolve("RO_2021.xlsx"));

        ImportItem.RawRow first = ImportFixtures.rawRows(ImportFixtures.readAll(file)).get(0);

        assertThat(first.rowNumber()).isEqualTo(6);
        assertThat(first.cell("value")).isEqualTo("E6");
    }

    @Test
    void shouldNotTakeTitleRowsForTheHeader() {
        List<SheetRow> rows = FixtureWorkbooks.readSheet(submissionWithTitleRows("RO_2021.xlsx"), "Indicators");
        var aliases = ImportFixtures.reference().headerAliases();

        assertThat(HeaderLayout.detect(SheetKind.INDICATORS, FixtureWorkbooks.row(rows, 1), aliases)).isEmpty();
        assertThat(HeaderLayout.detect(SheetKind.INDICATORS, FixtureWorkbooks.row(rows, 2), aliases)).isEmpty();
        Optional<HeaderLayout> header = HeaderLayout.detect(SheetKind.INDICATORS, FixtureWorkbooks.row(rows, 4), aliases);
        assertThat(header).hasValueSatisfying(layout -> {
            assertThat(layout.headerRow()).isEqualTo(4);
            assertThat(layout.columns()).containsEntry("year", 0).containsEntry("value", 4).containsEntry("notes", 6);
            assertThat(layout.unknownColumns()).isEmpty();
        });
    }

    @Test
    void shouldFindHeaderBelowTitleRowsInLegacyXls() {
        List<ImportItem> items = ImportFixtures.readAll(submissionWithTitleRows("RO_2021.xls"));

        assertThat(ImportFixtures.notices(items)).isEmpty();
        assertThat(ImportFixtures.rawRows(items)).extracting(r -> r.cell("value")).containsExactly("E5", "E6", "E7");
    }
}
