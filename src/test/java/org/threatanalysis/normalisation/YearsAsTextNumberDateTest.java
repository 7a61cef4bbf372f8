package org.threatanalysis.normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threatanalysis.reading.FixtureWorkbooks.INDICATOR_HEADER;
import static org.threatanalysis.reading.FixtureWorkbooks.date;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.threatanalysis.importing.ImportFixtures;
import org.threatanalysis.importing.ImportItem;
import org.threatanalysis.importing.ImportResult;
import org.threatanalysis.reading.CellValue;
import org.threatanalysis.reading.FixtureWorkbooks;
import org.threatanalysis.staging.StagedRows;
import org.threatanalysis.staging.StagedRows.DataQualityIssue;

/** Years arrive as numbers, text, {@code 2019.} or date cells; a year outside the period is a fault. */
class YearsAsTextNumberDateTest {

    private static final LocalDate NEW_YEARS_EVE = LocalDate.of(2019, 12, 31);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2019", "2019.", " 2019 ", "31.12.2019", "31/12/2019", "2019-12-31"})
    void shouldReadAYearFromText(String text) {
        assertThat(YearParser.parse(text)).hasValue(2019);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019\u00A0", "\u00A02019."})
    void shouldReadAYearBesideANonBreakingSpace(String text) {
        assertThat(YearParser.parse(text)).hasValue(2019);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"approx", "approx. 2019", "19", "2019/2020", "two thousand nineteen"})
    void shouldNotReadAYearFromOtherText(String text) {
        assertThat(YearParser.parse(text)).isEmpty();
    }

    @Test
    void shouldReadAYearFromANumberCell() {
        assertThat(YearParser.parse(CellValue.number(0, 2019, null))).hasValue(2019);
        assertThat(YearParser.parse(CellValue.number(0, 2019.5, null))).isEmpty();
    }

    /** Rows 2-8 hold 2019 as a number, text, "2019.", two date cells, "31.12.2019" and a yyyy date. */
    private Path yearsInEveryShape(String fileName) {
        return FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row(INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 1)
                .row("2019", "Migrant smuggling", "cases", null, 2)
                .row("2019.", "Migrant smuggling", "cases", null, 3)
                .row(NEW_YEARS_EVE, "Migrant smuggling", "cases", null, 4)
                .row(date(NEW_YEARS_EVE, "m/d/yy"), "Migrant smuggling", "cases", null, 5)
                .row("31.12.2019", "Migrant smuggling", "cases", null, 6)
                .row(date(LocalDate.of(2019, 1, 1), "yyyy"), "Migrant smuggling", "cases", null, 7)
                .row("approx", "Migrant smuggling", "cases", null, 8)
                .row(2016, "Migrant smuggling", "cases", null, 9)
                .saveAs(dir.resolve(fileName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AL_2021.xlsx", "AL_2021.xls"})
    void shouldRecogniseDateCellsInTheYearColumn(String fileName) {
        List<ImportItem> items = ImportFixtures.readAll(yearsInEveryShape(fileName));

        for (int rowNumber : new int[] {5, 6, 8}) {
            CellValue year = ImportFixtures.rawRow(items, "Indicators", rowNumber).value("year");
            assertThat(year.isDate()).as("row %d is a date cell", rowNumber).isTrue();
        }
        assertThat(ImportFixtures.rawRow(items, "Indicators", 5).value("year").date().toLocalDate())
                .isEqualTo(NEW_YEARS_EVE);
        assertThat(ImportFixtures.rawRow(items, "Indicators", 2).value("year").isDate()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AL_2021.xlsx", "AL_2021.xls"})
    void shouldStageTheYearWhateverShapeItArrivesIn(String fileName) {
        Map<Integer, ImportResult> results = normaliseByRow(yearsInEveryShape(fileName));

        for (int rowNumber = 2; rowNumber <= 8; rowNumber++) {
            ImportResult result = results.get(rowNumber);
            assertThat(result.issues()).as("issues of row %d", rowNumber).isEmpty();
            assertThat(result.staged()).as("row %d", rowNumber).isInstanceOf(StagedRows.Indicator.class);
            assertThat(((StagedRows.Indicator) result.staged()).year()).as("year of row %d", rowNumber).isEqualTo(2019);
        }
    }

    @Test
    void shouldReadTheYearOfADateCellInA1904Workbook() {
        Path file = FixtureWorkbooks.workbook().date1904()
                .sheet("Indicators")
                .row(INDICATOR_HEADER)
                .row(NEW_YEARS_EVE, "Migrant smuggling", "cases", null, 1)
                .saveAs(dir.resolve("AL_2021.xlsx"));

        List<ImportItem> items = ImportFixtures.readAll(file);

        assertThat(ImportFixtures.rawRow(items, "Indicators", 2).value("year").date().toLocalDate())
                .isEqualTo(NEW_YEARS_EVE);
        assertThat(ImportFixtures.normaliser().normalise(items.get(0), ImportFixtures.cover(2017, 2021)).staged())
                .isInstanceOfSatisfying(StagedRows.Indicator.class, s -> assertThat(s.year()).isEqualTo(2019));
    }

    @Test
    void shouldRejectARowWhoseYearIsNotAYear() {
        ImportResult result = normaliseByRow(yearsInEveryShape("AL_2021.xlsx")).get(9);

        assertThat(result.staged()).isNull();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.rowRejected()).isTrue();
            assertThat(issue.cell()).isEqualTo("A9");
            assertThat(issue.value()).isEqualTo("approx");
            assertThat(issue.reason()).contains("'approx' is not a year");
        });
    }

    @Test
    void shouldRejectARowWhoseYearIsOutsideTheReportingPeriod() {
        ImportResult result = normaliseByRow(yearsInEveryShape("AL_2021.xlsx")).get(10);

        assertThat(result.staged()).isNull();
        assertThat(result.issues()).hasSize(1);
        DataQualityIssue issue = result.issues().get(0);
        assertThat(issue.rowRejected()).isTrue();
        assertThat(issue.cell()).isEqualTo("A10");
        assertThat(issue.sheetRow()).isEqualTo(10);
        assertThat(issue.location()).isEqualTo("AL_2021.xlsx!Indicators!A10");
        assertThat(issue.value()).isEqualTo("2016");
        assertThat(issue.reason()).contains("2016").contains("2017-2021");
    }

    @Test
    void shouldAcceptTheFirstAndLastYearOfThePeriod() {
        Path file = FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row(INDICATOR_HEADER)
                .row(2017, "Migrant smuggling", "cases", null, 1)
                .row(2021, "Migrant smuggling", "cases", null, 1)
                .row(2022, "Migrant smuggling", "cases", null, 1)
                .saveAs(dir.resolve("AL_2021.xlsx"));

        Map<Integer, ImportResult> results = normaliseByRow(file);

        assertThat(results.get(2).staged()).isNotNull();
        assertThat(results.get(3).staged()).isNotNull();
        assertThat(results.get(4).staged()).isNull();
        assertThat(results.get(4).issues()).extracting(DataQualityIssue::cell).containsExactly("A4");
    }

    private static Map<Integer, ImportResult> normaliseByRow(Path file) {
        Map<Integer, ImportResult> results = new TreeMap<>();
        for (ImportItem.RawRow row : ImportFixtures.rawRows(ImportFixtures.readAll(file))) {
            results.put(row.rowNumber(), ImportFixtures.normaliser().normalise(row, ImportFixtures.cover(2017, 2021)));
        }
        return results;
    }
}
