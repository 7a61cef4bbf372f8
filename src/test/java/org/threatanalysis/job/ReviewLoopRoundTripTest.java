package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * The analyst's review loop end to end: a run lists unmatched values on the Review sheet; the
 * analyst fills the Decision column of the written workbook and puts the whole file back into
 * the input folder; the next run lists that file as reference data, applies the decisions (method
 * "analyst decision") and its review list is shorter.
 */
class ReviewLoopRoundTripTest {

    private static final String RELATIVES = "Victims recruited by relatives in their home villages";
    private static final String MEETING_POINTS = "Smugglers change the meeting points every week";

    @TempDir
    static Path temp;

    static Workspace workspace;
    static List<Map<String, Object>> firstReview;
    static String firstFingerprint;
    static CliRun secondRun;
    static WorkbookCells second;

    @BeforeAll
    static void runDecideAndRunAgain() throws IOException {
        workspace = Workspace.withSampleInput(temp);
        CliRun first = workspace.run();
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SUCCESS);
        Path written = workspace.workbook();
        firstReview = WorkbookCells.read(written).records("Review");
        firstFingerprint = fingerprint(written);

        // The analyst decides in the workbook the job wrote, with a spreadsheet program (here POI).
        Path decided = workspace.input().resolve("review/decisions-2022.xlsx");
        Files.createDirectories(decided.getParent());
        try (InputStream in = Files.newInputStream(written); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet review = workbook.getSheet("Review");
            for (Row row : review) {
                String text = row.getCell(2) == null ? "" : row.getCell(2).getStringCellValue();
                String decision = switch (text) {
                    case RELATIVES -> "TH01";
                    case MEETING_POINTS -> "none";
                    case "prut" -> "none";
                    default -> null;
                };
                if (decision != null) {
                    row.createCell(11).setCellValue(decision);
                }
            }
            try (OutputStream out = Files.newOutputStream(decided)) {
                workbook.write(out);
            }
        }
        secondRun = workspace.run();
        second = WorkbookCells.read(workspace.workbook());
    }

    private static String fingerprint(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            return workbook.getProperties().getCustomProperties().getProperty("Reference data").getLpwstr();
        }
    }

    @Test
    void shouldListUnmatchedTextAndUnknownPlacesOnTheFirstReviewSheet() {
        assertThat(firstReview).extracting(r -> r.get("Text as submitted"))
                .contains(RELATIVES, MEETING_POINTS, "prut");
        Map<String, Object> relatives = firstReview.stream().filter(r -> RELATIVES.equals(r.get("Text as submitted")))
                .findFirst().orElseThrow();
        assertThat(relatives).containsEntry("Kind", "modus operandi").containsEntry("Crime area", "THB")
                .containsEntry("Occurrences", 1.0).containsEntry("Submitters", "AL")
                .containsEntry("Matched by", "unmatched");
        assertThat((String) relatives.get("Where")).contains("AL_2017-2021.xlsx!Modus operandi!C");
        assertThat(relatives.get("Decision")).isNull();
    }

    @Test
    void shouldListTheDecisionWorkbookAsReferenceData() {
        assertThat(secondRun.exitCode()).as(secondRun.toString()).isEqualTo(ExitCodes.SUCCESS);
        Map<String, Object> file = second.records("Submissions").stream()
                .filter(r -> "review/decisions-2022.xlsx".equals(r.get("File"))).findFirst().orElseThrow();
        assertThat(file).containsEntry("Status", "reference data");
    }

    @Test
    void shouldApplyTheDecisionsWithMethodAnalystDecision() {
        Map<String, Object> relatives = second.records("Modus operandi").stream()
                .filter(r -> RELATIVES.equals(r.get("Modus operandi as submitted"))).findFirst().orElseThrow();
        assertThat(relatives).containsEntry("MO code", "TH01").containsEntry("Matched by", "analyst decision");
        Map<String, Object> meeting = second.records("Modus operandi").stream()
                .filter(r -> MEETING_POINTS.equals(r.get("Modus operandi as submitted"))).findFirst().orElseThrow();
        assertThat(meeting.get("MO code")).isNull();
        assertThat(meeting).containsEntry("Matched by", "analyst decision");
    }

    @Test
    void shouldShrinkTheReviewListAndChangeTheReferenceFingerprint() throws IOException {
        List<Map<String, Object>> review = second.records("Review");
        assertThat(review).hasSizeLessThan(firstReview.size());
        assertThat(review).extracting(r -> r.get("Text as submitted")).doesNotContain(RELATIVES, MEETING_POINTS, "prut");
        assertThat(fingerprint(workspace.workbook())).isNotEqualTo(firstFingerprint);
        // The route whose border river the analyst dismissed is no longer a data-quality issue.
        assertThat(second.records("Routes").stream()
                .filter(r -> Objects.toString(r.get("Route as submitted")).contains("Prut")))
                .allSatisfy(r -> assertThat(r.get("Problem")).isNull());
    }
}
