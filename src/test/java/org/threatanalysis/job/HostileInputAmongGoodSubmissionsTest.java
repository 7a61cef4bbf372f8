package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.HostileFiles;
import org.threatanalysis.support.PhysicalRows;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * The whole generated bad-input corpus and a batch of fuzzed files dropped among the sample
 * submissions, in one run: the run completes, every file is listed with what became of it, each
 * corpus file is rejected with its reason, the good submissions are consolidated exactly as
 * without the bad files, and every row of every accepted file is accounted for.
 */
class HostileInputAmongGoodSubmissionsTest {

    @TempDir
    static Path temp;

    static Workspace workspace;
    static CliRun run;
    static WorkbookCells workbook;
    static WorkbookCells cleanWorkbook;

    @BeforeAll
    static void runOnSampleInputWithTheCorpus() throws IOException {
        workspace = Workspace.withSampleInput(temp.resolve("mixed"));
        for (HostileFiles.Case hostile : HostileFiles.corpus()) {
            hostile.writeTo(workspace.input().resolve("hostile"));
        }
        HostileFiles.fuzzed(workspace.input().resolve("fuzzed"), 12);
        HostileFiles.goodWorkbook().saveAs(workspace.input().resolve("good/ME_2019-2020.xlsx"));
        run = workspace.run();
        workbook = WorkbookCells.read(workspace.workbook());

        Workspace clean = Workspace.withSampleInput(temp.resolve("clean"));
        HostileFiles.goodWorkbook().saveAs(clean.input().resolve("good/ME_2019-2020.xlsx"));
        assertThat(clean.run().exitCode()).isEqualTo(ExitCodes.SUCCESS);
        cleanWorkbook = WorkbookCells.read(clean.workbook());
    }

    @Test
    void shouldCompleteAndReportRejections() {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTIONS);
    }

    @Test
    void shouldListEveryFileUnderTheInputFolder() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(workspace.input())) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> workspace.input().relativize(p).toString().replace('\\', '/')).toList();
        }
        Map<String, Map<String, Object>> register = BadFilesAmongGoodOnesTest.byFile(workbook.records("Submissions"));
        assertThat(register.keySet()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(register.values()).allSatisfy(file -> {
            assertThat(file.get("Status")).isIn("consolidated", "consolidated in part", "superseded", "rejected",
                    "ignored");
            if ("rejected".equals(file.get("Status")) || "ignored".equals(file.get("Status"))) {
                assertThat((String) file.get("Reason")).isNotBlank();
            }
        });
    }

    @Test
    void shouldRejectEachCorpusFileWithItsReason() {
        Map<String, Map<String, Object>> register = BadFilesAmongGoodOnesTest.byFile(workbook.records("Submissions"));
        for (HostileFiles.Case hostile : HostileFiles.corpus()) {
            Map<String, Object> file = register.get("hostile/" + hostile.fileName());
            assertThat(file).as(hostile.fileName()).containsEntry("Status", "rejected");
            assertThat((String) file.get("Reason")).as(hostile.fileName()).containsIgnoringCase(hostile.expectedReason());
        }
        assertThat(workbook.records("Data quality")).anySatisfy(row -> {
            assertThat(row.get("Location")).isEqualTo("hostile/zip-bomb.xlsx");
            assertThat(row.get("Outcome")).isEqualTo("file rejected");
        });
    }

    @Test
    void shouldConsolidateTheGoodSubmissionsAsWithoutTheBadFiles() {
        for (String sheet : List.of("Indicators", "Modus operandi", "Routes")) {
            List<Map<String, Object>> withoutFuzzed = workbook.records(sheet).stream()
                    .filter(row -> !String.valueOf(row.get("Source")).startsWith("fuzzed/")).toList();
            assertThat(withoutFuzzed).as(sheet).isEqualTo(cleanWorkbook.records(sheet));
        }
    }

    @Test
    void shouldAccountForEveryRowOfEachAcceptedFile() throws IOException {
        int checked = 0;
        for (Map<String, Object> file : workbook.records("Submissions")) {
            String name = (String) file.get("File");
            if (file.get("Rows read") == null) {
                assertThat(file.get("Status")).as(name).isIn("rejected", "ignored");
                continue;
            }
            double accounted = (Double) file.get("Rows staged") + (Double) file.get("Rows rejected")
                    + (Double) file.get("Blank rows") + (Double) file.get("Total rows");
            assertThat(accounted).as(name).isEqualTo((Double) file.get("Rows read"));
            if (!name.startsWith("fuzzed/")) {
                assertThat(file.get("Rows read")).as(name)
                        .isEqualTo((double) PhysicalRows.belowHeaders(workspace.input().resolve(name)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }
}
