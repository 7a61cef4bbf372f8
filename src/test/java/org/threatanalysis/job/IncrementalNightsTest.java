package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.StepRows;
import org.threatanalysis.support.SystemProperties;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * Incremental nights (docs/operations.md): a submission whose file is unchanged since the last
 * completed run is not read again (its staged rows are read where that run has them, not
 * copied), a night with no changed input does not write the workbook again, one changed workbook
 * is the only one read again, changed reference data re-normalises the reused rows, and a failure
 * after reusing restarts without duplicates. In every case the workbook equals a full run's on the same input in a fresh
 * database.
 */
class IncrementalNightsTest {

    private static final String CHANGED_FILE = "BG_2017-2021.xlsx";

    @TempDir
    static Path temp;

    /** A full run on the sample input. */
    static Workspace full;
    static WorkbookCells fullCells;
    static StagingCounts fullCounts;

    @BeforeAll
    static void runOnceOnTheSampleInput() throws IOException {
        full = Workspace.withSampleInput(temp.resolve("full"));
        CliRun run = full.run("--run-date=2026-03-01");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SUCCESS);
        fullCells = WorkbookCells.read(full.workbook());
        fullCounts = StagingCounts.of(full);
    }

    @Test
    void shouldNeitherReadNorWriteAgainWhenNothingChanged() throws IOException {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("unchanged"));
        CliRun first = workspace.run("--run-date=2026-03-01");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SUCCESS);
        Path workbook = workspace.workbook();
        byte[] bytes = Files.readAllBytes(workbook);
        FileTime modified = Files.getLastModifiedTime(workbook);

        CliRun second = workspace.run("--run-date=2026-03-01");

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(second.out()).contains("11 submissions not read again")
                .contains("nothing changed since run").contains("not written again");
        List<StepRows> steps = StepRows.of(workspace);
        long secondExecution = StepRows.executions(steps).get(1);
        assertThat(partitions(steps, secondExecution)).as("import partitions of the unchanged night").isEmpty();
        assertThat(steps).filteredOn(s -> s.jobExecutionId() == secondExecution)
                .extracting(StepRows::stepName).containsExactly("registerSubmissions", "importSubmissions",
                        "normaliseStaged", "writeWorkbook");
        assertThat(steps).filteredOn(s -> s.jobExecutionId() == secondExecution
                && s.stepName().equals("importSubmissions")).singleElement()
                .satisfies(s -> assertThat(s.readCount()).isZero());
        assertThat(Files.getLastModifiedTime(workbook)).isEqualTo(modified);
        assertThat(Files.readAllBytes(workbook)).isEqualTo(bytes);
        assertSameCells(WorkbookCells.read(workbook), fullCells);
        assertThat(StagingCounts.of(workspace)).isEqualTo(fullCounts);
        assertThat(StagingCounts.rowsImportedByTheRun(workspace)).as("rows the unchanged night staged itself").isZero();
        assertThat(workspace.status().out()).contains("not read again").contains("Nothing changed since run");

        // A third unchanged night still finds the workbook current; a workbook changed by hand is written again.
        CliRun third = workspace.run("--run-date=2026-03-02");
        assertThat(third.out()).contains("not written again");
        Files.write(workbook, new byte[] {1, 2, 3});
        CliRun fourth = workspace.run("--run-date=2026-03-03");
        assertThat(fourth.exitCode()).as(fourth.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(fourth.out()).doesNotContain("not written again");
        assertSameCells(WorkbookCells.read(workbook), fullCells);
    }

    @Test
    void shouldReadOnlyTheChangedWorkbookAgain() throws IOException {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("one-changed"));
        CliRun first = workspace.run("--run-date=2026-03-01");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SUCCESS);
        FileTime written = Files.getLastModifiedTime(workspace.workbook());
        changeOneFigure(workspace.input().resolve(CHANGED_FILE));

        CliRun second = workspace.run("--run-date=2026-03-01");

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(second.out()).contains("10 submissions not read again").doesNotContain("not written again");
        List<StepRows> steps = StepRows.of(workspace);
        long firstExecution = StepRows.executions(steps).get(0);
        long secondExecution = StepRows.executions(steps).get(1);
        List<StepRows> reread = partitions(steps, secondExecution);
        assertThat(reread).singleElement().satisfies(p -> assertThat(p.readCount()).isPositive());
        // It is the changed file's partition, which reads as many rows as the first run did.
        String partition = "importSubmission:submission-" + submissionId(workspace, CHANGED_FILE);
        assertThat(reread.get(0).stepName()).isEqualTo(partition);
        assertThat(partitions(steps, firstExecution)).filteredOn(p -> p.stepName().equals(partition)).singleElement()
                .satisfies(p -> assertThat(p.readCount()).isEqualTo(reread.get(0).readCount()));
        assertThat(Files.getLastModifiedTime(workspace.workbook())).isNotEqualTo(written);

        Workspace fresh = Workspace.withSampleInput(temp.resolve("one-changed-fresh"));
        Files.copy(workspace.input().resolve(CHANGED_FILE), fresh.input().resolve(CHANGED_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun freshRun = fresh.run("--run-date=2026-03-01");
        assertThat(freshRun.exitCode()).as(freshRun.toString()).isEqualTo(ExitCodes.SUCCESS);
        WorkbookCells expected = WorkbookCells.read(fresh.workbook());
        assertThat(expected.all()).isNotEqualTo(fullCells.all());
        assertSameCells(WorkbookCells.read(workspace.workbook()), expected);
        assertThat(StagingCounts.of(workspace)).isEqualTo(StagingCounts.of(fresh));
        // Only the changed file's rows were staged by the second night; the others are the first night's.
        assertThat(StagingCounts.rowsImportedByTheRun(workspace)).isPositive()
                .isLessThan(fullCounts.indicators() + fullCounts.modusOperandi() + fullCounts.routes());
    }

    @Test
    void shouldReNormaliseReusedRowsWhenTheReferenceDataChanged() throws IOException {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("reference"));
        CliRun first = workspace.run("--run-date=2026-03-01");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SUCCESS);
        Path decisions = decide(workspace.workbook(), workspace.input().resolve("review/decisions.xlsx"));

        CliRun second = workspace.run("--run-date=2026-03-01");

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(second.out()).contains("11 submissions not read again").doesNotContain("not written again");
        List<StepRows> steps = StepRows.of(workspace);
        assertThat(partitions(steps, StepRows.executions(steps).get(1))).isEmpty();
        WorkbookCells incremental = WorkbookCells.read(workspace.workbook());
        assertThat(incremental.records("Modus operandi")).anySatisfy(r -> assertThat(r)
                .containsEntry("Matched by", "analyst decision").containsEntry("MO code", "TH01"));

        Workspace fresh = Workspace.withSampleInput(temp.resolve("reference-fresh"));
        Files.createDirectories(fresh.input().resolve("review"));
        Files.copy(decisions, fresh.input().resolve("review/decisions.xlsx"));
        CliRun freshRun = fresh.run("--run-date=2026-03-01");
        assertThat(freshRun.exitCode()).as(freshRun.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertSameCells(incremental, WorkbookCells.read(fresh.workbook()));
        assertThat(StagingCounts.of(workspace)).isEqualTo(StagingCounts.of(fresh));
    }

    @Test
    void shouldReadEverythingAgainWhenReferenceDataThatDecidesWhileReadingChanged() throws IOException {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("crime-areas"));
        CliRun first = workspace.run("--run-date=2026-03-01");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SUCCESS);
        // A crime area that makes a row rejected so far acceptable: only reading the file again can import it.
        Path reference = crimeAreaWorkbook(workspace.input().resolve("reference/crime-areas.xlsx"));

        CliRun second = workspace.run("--run-date=2026-03-01");

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(second.out()).doesNotContain("not read again");
        List<StepRows> steps = StepRows.of(workspace);
        assertThat(partitions(steps, StepRows.executions(steps).get(1))).hasSize(11);

        Workspace fresh = Workspace.withSampleInput(temp.resolve("crime-areas-fresh"));
        Files.createDirectories(fresh.input().resolve("reference"));
        Files.copy(reference, fresh.input().resolve("reference/crime-areas.xlsx"));
        CliRun freshRun = fresh.run("--run-date=2026-03-01");
        assertThat(freshRun.exitCode()).as(freshRun.toString()).isEqualTo(ExitCodes.SUCCESS);
        WorkbookCells expected = WorkbookCells.read(fresh.workbook());
        assertThat(expected.records("Indicators")).anySatisfy(r -> assertThat(r).containsValue("PGN"));
        assertSameCells(WorkbookCells.read(workspace.workbook()), expected);
    }

    @Test
    void shouldRestartAFailureAfterReusingWithoutDuplicates() throws IOException {
        Workspace workspace = Workspace.withSampleInput(temp.resolve("failure-after-reuse"));
        CliRun first = workspace.run("--run-date=2026-03-01");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SUCCESS);
        changeOneFigure(workspace.input().resolve(CHANGED_FILE));

        // The second night reuses ten submissions, then fails importing the changed one after two chunks.
        CliRun failed = SystemProperties.with(Map.of("spring.profiles.active", "planned-failure",
                "planned-failure.step", "importSubmission", "planned-failure.after-chunks", "2",
                "consolidation.chunk-size", "10"), () -> workspace.run("--run-date=2026-03-01"));
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        CliRun restarted = SystemProperties.with(Map.of("consolidation.chunk-size", "10"), workspace::restart);
        assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(ExitCodes.SUCCESS);

        // Then a third night with nothing changed fails after reusing everything, in the normalisation.
        CliRun failedAgain = SystemProperties.with(Map.of("spring.profiles.active", "planned-failure",
                "planned-failure.step", "normaliseStaged"), () -> workspace.run("--run-date=2026-03-02"));
        assertThat(failedAgain.exitCode()).as(failedAgain.toString()).isEqualTo(ExitCodes.FAILED);
        CliRun restartedAgain = workspace.restart();
        assertThat(restartedAgain.exitCode()).as(restartedAgain.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(restartedAgain.out()).contains("not written again");

        List<StepRows> steps = StepRows.of(workspace);
        List<Long> executions = StepRows.executions(steps);
        assertThat(executions).hasSize(5);
        assertThat(StepRows.stepNames(steps, executions.get(4))).containsExactly("normaliseStaged", "writeWorkbook");

        Workspace fresh = Workspace.withSampleInput(temp.resolve("failure-after-reuse-fresh"));
        Files.copy(workspace.input().resolve(CHANGED_FILE), fresh.input().resolve(CHANGED_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun freshRun = fresh.run("--run-date=2026-03-01");
        assertThat(freshRun.exitCode()).as(freshRun.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(StagingCounts.of(workspace)).isEqualTo(StagingCounts.of(fresh));
        assertSameCells(WorkbookCells.read(workspace.workbook()), WorkbookCells.read(fresh.workbook()));
    }

    /** The same cells, sheet by sheet; a difference names the sheet and the first row that differs. */
    private static void assertSameCells(WorkbookCells actual, WorkbookCells expected) {
        assertThat(actual.sheetNames()).isEqualTo(expected.sheetNames());
        for (String sheet : expected.sheetNames()) {
            List<List<Object>> a = actual.rows(sheet);
            List<List<Object>> e = expected.rows(sheet);
            for (int r = 0; r < Math.min(a.size(), e.size()); r++) {
                assertThat(a.get(r)).as("sheet %s row %d", sheet, r + 1).isEqualTo(e.get(r));
            }
            assertThat(a).as("rows of sheet %s", sheet).hasSameSizeAs(e);
        }
        assertThat(actual.all()).isEqualTo(expected.all());
    }

    /** The submission id the newest run registered a file under. */
    private static int submissionId(Workspace workspace, String relativePath) {
        String url = "jdbc:hsqldb:file:" + workspace.database().toAbsolutePath() + "/consolidation;shutdown=true;ifexists=true";
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "SA", "");
                java.sql.PreparedStatement statement = connection.prepareStatement(
                        "SELECT submission_id FROM ta_submission WHERE relative_path = ? ORDER BY run_id DESC")) {
            statement.setString(1, relativePath);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as(relativePath + " registered").isTrue();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<StepRows> partitions(List<StepRows> steps, long execution) {
        return steps.stream().filter(s -> s.jobExecutionId() == execution && s.stepName().startsWith("importSubmission:"))
                .toList();
    }

    /** A member state corrects one figure: the first value on the Indicators sheet becomes 4242. */
    private static void changeOneFigure(Path file) throws IOException {
        Path changed = file.resolveSibling(file.getFileName() + ".new");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Indicators");
            int valueColumn = -1;
            for (Row row : sheet) {
                if (valueColumn < 0) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("Value")) {
                            valueColumn = cell.getColumnIndex();
                        }
                    }
                } else if (row.getCell(valueColumn) != null && row.getCell(valueColumn).getCellType() != CellType.BLANK) {
                    row.getCell(valueColumn).setCellValue("4242");
                    break;
                }
            }
            assertThat(valueColumn).as("Value column of " + file).isNotNegative();
            try (OutputStream out = Files.newOutputStream(changed)) {
                workbook.write(out);
            }
        }
        Files.move(changed, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A reference workbook with one more crime area, whose phrasing is a crime area the sample rejects. */
    private static Path crimeAreaWorkbook(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Crime areas");
            Row header = sheet.createRow(0);
            List<String> columns = List.of("code", "label", "iccs", "phrasings");
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("PGN");
            row.createCell(1).setCellValue("Pigeon racing fraud");
            row.createCell(3).setCellValue("Pigeon racing fraud");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    /** The analyst decides one unmatched modus operandi in the written workbook and puts it back into the input. */
    private static Path decide(Path written, Path decided) throws IOException {
        Files.createDirectories(decided.getParent());
        try (InputStream in = Files.newInputStream(written); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet review = workbook.getSheet("Review");
            for (Row row : review) {
                String text = row.getCell(2) == null ? "" : row.getCell(2).getStringCellValue();
                if (text.equals("Victims recruited by relatives in their home villages")) {
                    row.createCell(11).setCellValue("TH01");
                } else if (text.equals("prut")) {
                    row.createCell(11).setCellValue("none");
                }
            }
            try (OutputStream out = Files.newOutputStream(decided)) {
                workbook.write(out);
            }
        }
        return decided;
    }
}
