package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.PhysicalRows;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * The whole job on the sample submissions (plus one corrupt file), from the command line to the
 * cells of the workbook it wrote.
 */
class ConsolidationJobFunctionalTest {

    @TempDir
    static Path temp;

    static Workspace workspace;
    static CliRun run;
    static WorkbookCells workbook;

    @BeforeAll
    static void runTheJobOnTheSampleInput() throws IOException {
        workspace = Workspace.withSampleInput(temp);
        Files.writeString(workspace.input().resolve("RS_figures_final.xlsx"), "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n");
        run = workspace.run();
        workbook = WorkbookCells.read(workspace.workbook());
    }

    @Test
    void shouldCompleteAndNameTheRejectedFileInItsExitCode() {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTIONS);
        assertThat(run.out()).contains("11 accepted").contains("1 rejected").contains("1 ignored")
                .contains("threat-analysis_2017-2021.xlsx");
        assertThat(workspace.output().resolve("threat-analysis_2017-2021.xlsx")).exists();
    }

    @Test
    void shouldWriteTheSheetsOfTheConsolidatedWorkbook() {
        assertThat(workbook.sheetNames()).containsExactly("Overview", "MO changes", "Route changes", "Route shifts",
                "Regional totals", "Indicator trends", "Indicators", "Modus operandi", "Routes", "Review",
                "Data quality", "Submissions");
    }

    @Test
    void shouldListTheRejectedFileWithItsReason() {
        Map<String, Object> rejected = record("Submissions", "File", "RS_figures_final.xlsx");
        assertThat(rejected).containsEntry("Status", "rejected")
                .containsEntry("Reason", "The file is a PDF document, not an Excel workbook.");
        assertThat(record("Submissions", "File", "README.txt")).containsEntry("Status", "ignored");
    }

    @Test
    void shouldConvertATextFigureWithADecimalCommaFromTheBulgarianSubmission() {
        Map<String, Object> heroin = record("Indicators", "Source", "BG_2017-2021.xlsx!Indicators!E5");
        assertThat(heroin).containsEntry("Submitter", "BG").containsEntry("Year", 2017.0)
                .containsEntry("Crime area", "DRG").containsEntry("Indicator", "seizures")
                .containsEntry("Commodity", "heroin").containsEntry("Value", 53.5).containsEntry("Unit", "kg")
                .containsEntry("Value as submitted", "53,5").containsEntry("Indicator as submitted", "задържания");
    }

    @Test
    void shouldTakeTheYearsOfTheLaterRevisionAndKeepTheEarlierOnesAsSuperseded() {
        Map<String, Object> revision1 = record("Submissions", "File", "RO_2017-2021_rev1.xlsx");
        assertThat(revision1).containsEntry("Status", "consolidated in part")
                .containsEntry("Years consolidated", "2017, 2018, 2019").containsEntry("Years superseded", "2020, 2021");
        assertThat(record("Submissions", "File", "late/RO_2020-2021_rev2.xlsx")).containsEntry("Revision", 2.0)
                .containsEntry("Years consolidated", "2020, 2021");
        List<Map<String, Object>> romania2020 = workbook.records("Indicators").stream()
                .filter(r -> "RO".equals(r.get("Submitter")) && Double.valueOf(2020).equals(r.get("Year"))).toList();
        assertThat(romania2020).isNotEmpty()
                .allSatisfy(r -> assertThat((String) r.get("Source")).startsWith("late/RO_2020-2021_rev2.xlsx!"));
    }

    @Test
    void shouldSpreadAMergedYearOverTheRowsItCovers() {
        assertThat(record("Indicators", "Source", "ME_2017-2021.xlsx!Indicators!E24")).containsEntry("Year", 2018.0);
    }

    @Test
    void shouldReadYearsWrittenAsDatesAndAsTextWithAFullStop() {
        assertThat(record("Indicators", "Source", "RS_2017-2021.xlsx!Indicators!E44")).containsEntry("Year", 2019.0);
        assertThat(record("Indicators", "Source", "BA-BIH_2017-2021.xlsx!Indicators!E44")).containsEntry("Year", 2019.0);
    }

    @Test
    void shouldKeepSuppressedFiguresAsSuppressedNotZero() {
        assertThat(record("Indicators", "Source", "MD_2017-2021.xls!Indicators!E77")).containsEntry("Figure", "suppressed")
                .containsEntry("Value", null).containsEntry("Value as submitted", "<5");
    }

    @Test
    void shouldNameFileSheetAndCellOfEachDataQualityFinding() {
        Map<String, Object> outOfPeriod = record("Data quality", "Location", "AL_2017-2021.xlsx!Indicators!A2");
        assertThat(outOfPeriod).containsEntry("Value", "2016").containsEntry("Outcome", "row not imported");
        assertThat((String) outOfPeriod.get("Problem")).contains("outside the reporting period 2017-2021");
        assertThat((String) record("Data quality", "Location", "MK_2017-2021.xlsx!Indicators!B89").get("Problem"))
                .contains("Unknown crime area 'Pigeon racing fraud'");
        assertThat((String) record("Data quality", "Location", "MD_2017-2021.xls!Indicators!E57").get("Problem"))
                .contains("negative");
        assertThat((String) record("Data quality", "Location", "late/XK_2019-2021.xlsx!Routes!D4").get("Problem"))
                .contains("at least two countries");
    }

    @Test
    void shouldNormaliseRoutesWrittenInDifferentScriptsToTheSameCountrySequence() {
        assertThat(record("Routes", "Source", "RS_2017-2021.xlsx!Routes!D4")).containsEntry("Countries", "TR>BG>RS>HU>AT");
        assertThat(record("Routes", "Source", "BG_2017-2021.xlsx!Routes!D4")).containsEntry("Countries", "TR>BG>RS>HU>AT");
        assertThat(record("Routes", "Source", "BA-SRP_2017-2021.xlsx!Routes!D4")).containsEntry("Countries", "TR>BG>RS>HU>AT");
    }

    @Test
    void shouldAccountForEveryPhysicalRowOfEachAcceptedSubmission() throws IOException {
        for (Map<String, Object> file : workbook.records("Submissions")) {
            if (!"consolidated".equals(file.get("Status")) && !"consolidated in part".equals(file.get("Status"))) {
                continue;
            }
            String name = (String) file.get("File");
            long rowsBelowHeaders = PhysicalRows.belowHeaders(workspace.input().resolve(name));
            assertThat(file.get("Rows read")).as(name).isEqualTo((double) rowsBelowHeaders);
            double accounted = (Double) file.get("Rows staged") + (Double) file.get("Rows rejected")
                    + (Double) file.get("Blank rows") + (Double) file.get("Total rows");
            assertThat(accounted).as(name).isEqualTo((double) rowsBelowHeaders);
        }
        long stagedInSheets = workbook.records("Indicators").size() + workbook.records("Modus operandi").size()
                + workbook.records("Routes").size();
        assertThat(stagedInSheets).isPositive();
    }

    private static Map<String, Object> record(String sheet, String column, String value) {
        List<Map<String, Object>> matches = workbook.records(sheet).stream()
                .filter(r -> value.equals(r.get(column))).toList();
        assertThat(matches).as(sheet + " rows with " + column + " = " + value).hasSize(1);
        return matches.get(0);
    }

}
