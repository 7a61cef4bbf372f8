package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threatanalysis.importing.HeaderLayout;
import org.threatanalysis.importing.ImportFixtures;
import org.threatanalysis.importing.ImportItem;
import org.threatanalysis.importing.SheetKind;
import org.threatanalysis.staging.StagedRows.DataQualityIssue;

/**
 * Header labels vary in case, punctuation and language and columns come in any order; an unknown
 * extra column is kept out of the data and reported once.
 */
class HeaderAliasesAndColumnOrderTest {

    @TempDir
    Path dir;

    /** Columns A..H: Value, Notes, Indicator, Year, Crime area, (unknown), Unit, Commodity. */
    private Path shuffledSubmission(String crimeAreaLabel) {
        return FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row("Vrednost", "Notes", "Indicator", "Godina", crimeAreaLabel, "Officer in charge", "Unit", "Commodity")
                .row(1500, "port of Bar", "seizures", 2019, "Drug trafficking", "Petrović", "kg", "heroin")
                .row(7, null, "cases", 2020, "Migrant smuggling", "Jovanović")
                .row(9, null, "cases", 2021, "Migrant smuggling", "Jovanović")
                .saveAs(dir.resolve("RS_2021.xlsx"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CRIME AREA", "crime_area", "Crime area", "  Crime-Area  "})
    void shouldMapEveryFieldToItsColumnWhateverTheOrderAndLabel(String crimeAreaLabel) {
        List<ImportItem> items = ImportFixtures.readAll(shuffledSubmission(crimeAreaLabel));

        ImportItem.RawRow first = ImportFixtures.rawRow(items, "Indicators", 2);
        assertThat(first.value("year").number()).isEqualTo(2019.0);
        assertThat(first.cell("year")).isEqualTo("D2");
        assertThat(first.text("crime_area")).isEqualTo("Drug trafficking");
        assertThat(first.cell("crime_area")).isEqualTo("E2");
        assertThat(first.text("indicator")).isEqualTo("seizures");
        assertThat(first.value("value").number()).isEqualTo(1500.0);
        assertThat(first.cell("value")).isEqualTo("A2");
        assertThat(first.text("unit")).isEqualTo("kg");
        assertThat(first.text("commodity")).isEqualTo("heroin");
        assertThat(first.text("notes")).isEqualTo("port of Bar");
    }

    @Test
    void shouldDetectTheLayoutFromSerbianAndUpperCaseLabels() {
        SheetRow header = FixtureWorkbooks.row(FixtureWorkbooks.readSheet(shuffledSubmission("CRIME AREA"), "Indicators"), 1);

        HeaderLayout layout = HeaderLayout.detect(SheetKind.INDICATORS, header,
                ImportFixtures.reference().headerAliases()).orElseThrow();

        assertThat(layout.columns()).containsEntry("value", 0).containsEntry("notes", 1).containsEntry("indicator", 2)
                .containsEntry("year", 3).containsEntry("crime_area", 4).containsEntry("unit", 6)
                .containsEntry("commodity", 7).hasSize(7);
        assertThat(layout.unknownColumns()).extracting(CellValue::text).containsExactly("Officer in charge");
    }

    @Test
    void shouldReportAnExtraColumnWhoseHeaderIsANumber() {
        Path file = FixtureWorkbooks.workbook()
                .sheet("Indicators")
                .row("Year", "Crime area", "Indicator", "Value", 2022)
                .row(2021, "Migrant smuggling", "cases", 12, 15)
                .saveAs(dir.resolve("RS_2021.xlsx"));

        List<ImportItem.SheetNotice> notices = ImportFixtures.notices(ImportFixtures.readAll(file));

        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.issue().cell()).isEqualTo("E1");
            assertThat(notice.issue().reason()).contains("2022");
        });
    }

    @Test
    void shouldKeepTheUnknownColumnOutOfTheData() {
        List<ImportItem> items = ImportFixtures.readAll(shuffledSubmission("crime_area"));

        assertThat(ImportFixtures.rawRows(items)).hasSize(3).allSatisfy(row -> {
            assertThat(row.values().values()).extracting(CellValue::column).doesNotContain(5);
            assertThat(row.values().values()).extracting(CellValue::text).doesNotContain("Petrović", "Jovanović");
        });
    }

    @Test
    void shouldReportTheUnknownColumnOnceWithItsHeaderCell() {
        List<ImportItem> items = ImportFixtures.readAll(shuffledSubmission("crime_area"));

        List<ImportItem.SheetNotice> notices = ImportFixtures.notices(items);
        assertThat(notices).hasSize(1);
        DataQualityIssue issue = notices.get(0).issue();
        assertThat(issue.cell()).isEqualTo("F1");
        assertThat(issue.location()).isEqualTo("RS_2021.xlsx!Indicators!F1");
        assertThat(issue.value()).isEqualTo("Officer in charge");
        assertThat(issue.reason()).contains("Officer in charge");
        assertThat(issue.rowRejected()).isFalse();
    }
}
