package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * Bad files dropped among good submissions: the run completes, each bad file is listed as
 * rejected with a reason a clerk understands, and the good ones are consolidated as before.
 */
class BadFilesAmongGoodOnesTest {

    @TempDir
    Path temp;

    @Test
    void shouldRejectEachBadFileWithItsReasonAndConsolidateTheRest() throws IOException {
        Workspace workspace = Workspace.withSampleInput(temp);
        Files.write(workspace.input().resolve("empty.xlsx"), new byte[0]);
        Files.writeString(workspace.input().resolve("figures.xlsx"),
                "Year;Crime area;Indicator;Value\n2019;DRG;cases;12\n", StandardCharsets.UTF_8);
        byte[] real = Files.readAllBytes(workspace.input().resolve("AL_2017-2021.xlsx"));
        Files.write(workspace.input().resolve("truncated.xlsx"), Arrays.copyOf(real, real.length / 2));
        try (XSSFWorkbook noCover = new XSSFWorkbook()) {
            noCover.createSheet("Indicators").createRow(0).createCell(0).setCellValue("Year");
            try (var out = Files.newOutputStream(workspace.input().resolve("no-cover.xlsx"))) {
                noCover.write(out);
            }
        }
        Files.write(workspace.input().resolve("~$AL_2017-2021.xlsx"), new byte[] {1, 2, 3});

        CliRun run = workspace.run();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTIONS);
        WorkbookCells workbook = WorkbookCells.read(workspace.workbook());
        Map<String, Map<String, Object>> register = byFile(workbook.records("Submissions"));
        assertThat(register.get("empty.xlsx")).containsEntry("Status", "rejected")
                .containsEntry("Reason", "The file is empty (0 bytes).");
        assertThat((String) register.get("figures.xlsx").get("Reason")).contains("not an Excel workbook");
        assertThat(register.get("figures.xlsx")).containsEntry("Status", "rejected");
        assertThat((String) register.get("truncated.xlsx").get("Reason")).contains("damaged");
        assertThat(register.get("truncated.xlsx")).containsEntry("Status", "rejected");
        assertThat((String) register.get("no-cover.xlsx").get("Reason")).contains("no cover sheet named 'Submission'");
        assertThat(register.get("~$AL_2017-2021.xlsx")).containsEntry("Status", "ignored");
        assertThat((String) register.get("~$AL_2017-2021.xlsx").get("Reason")).contains("lock file");

        // The good submissions are consolidated exactly as in a run without the bad files.
        assertThat(register.get("AL_2017-2021.xlsx")).containsEntry("Status", "consolidated");
        Workspace clean = Workspace.withSampleInput(temp.resolve("clean"));
        assertThat(clean.run().exitCode()).isEqualTo(ExitCodes.SUCCESS);
        WorkbookCells cleanWorkbook = WorkbookCells.read(clean.workbook());
        for (String sheet : List.of("Indicators", "Modus operandi", "Routes")) {
            assertThat(workbook.rows(sheet)).as(sheet).isEqualTo(cleanWorkbook.rows(sheet));
        }
        // Rejected files also appear on the data-quality sheet, by name.
        assertThat(workbook.records("Data quality")).anySatisfy(row -> {
            assertThat(row.get("Location")).isEqualTo("truncated.xlsx");
            assertThat(row.get("Outcome")).isEqualTo("file rejected");
        });
    }

    static Map<String, Map<String, Object>> byFile(List<Map<String, Object>> records) {
        Map<String, Map<String, Object>> byFile = new java.util.LinkedHashMap<>();
        for (Map<String, Object> record : records) {
            byFile.put((String) record.get("File"), record);
        }
        return byFile;
    }
}
