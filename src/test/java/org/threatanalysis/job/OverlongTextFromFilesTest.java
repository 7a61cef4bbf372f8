package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.reading.FixtureWorkbooks;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.HostileFiles;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * Text from the files longer than the staging column that keeps it: a member state, a template
 * version, a sheet name padded with spaces, and a Year cell whose finding quotes it. Each is kept
 * cut to its column (its start and end, an ellipsis between), and the run goes on with every file; an insert that
 * failed on such text used to stop the whole run ("string data, right truncation").
 */
class OverlongTextFromFilesTest {

    @TempDir
    Path temp;

    @Test
    void shouldKeepOverlongTextCutAndConsolidateEveryFile() throws Exception {
        Workspace workspace = Workspace.empty(temp.resolve("run"));
        String longYear = "2019" + " and later".repeat(600);
        Path montenegro = FixtureWorkbooks.workbook()
                .sheet("Submission").row("Member state", "Montenegro").row("Reporting period", "2019-2020")
                .row("Submission date", LocalDate.of(2022, 3, 14)).row("Template version", "v" + "1".repeat(300))
                .sheet("Indicators").row(FixtureWorkbooks.INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 12)
                .row(longYear, "Migrant smuggling", "cases", null, 13)
                .row("Total", "Migrant smuggling", "cases", null, 25)
                .row(2020, "Migrant smuggling", "cases", null, 15)
                .saveAs(temp.resolve("ME.xlsx"));
        // Excel allows 31 characters in a sheet name; a file written by another program may have more.
        String paddedSheet = "Indicators" + " ".repeat(150);
        HostileFiles.rewrite(montenegro, workspace.input().resolve("ME_2019-2020.xlsx"), Map.of("xl/workbook.xml",
                xml -> new String(xml, StandardCharsets.UTF_8).replace("name=\"Indicators\"", "name=\"" + paddedSheet + "\"")
                        .getBytes(StandardCharsets.UTF_8)));
        String longState = "Albania ".repeat(700);
        FixtureWorkbooks.workbook()
                .sheet("Submission").row("Member state", longState).row("Reporting period", "2019-2020")
                .sheet("Indicators").row(FixtureWorkbooks.INDICATOR_HEADER)
                .row(2019, "Migrant smuggling", "cases", null, 7)
                .saveAs(workspace.input().resolve("AL_2019-2020.xlsx"));

        CliRun run = workspace.run();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTIONS);
        WorkbookCells workbook = WorkbookCells.read(workspace.workbook());
        Map<String, Map<String, Object>> files = BadFilesAmongGoodOnesTest.byFile(workbook.records("Submissions"));
        assertThat(files.get("ME_2019-2020.xlsx").get("Status")).isEqualTo("consolidated");
        assertThat(files.get("ME_2019-2020.xlsx").get("Rows read")).isEqualTo(4.0);
        assertThat(files.get("ME_2019-2020.xlsx").get("Rows staged")).isEqualTo(2.0);
        assertThat(files.get("ME_2019-2020.xlsx").get("Rows rejected")).isEqualTo(1.0);
        assertThat(files.get("ME_2019-2020.xlsx").get("Total rows")).isEqualTo(1.0);
        assertThat(workbook.records("Indicators")).extracting(row -> row.get("Year")).containsExactly(2019.0, 2020.0);

        String rejection = (String) files.get("AL_2019-2020.xlsx").get("Reason");
        assertThat(files.get("AL_2019-2020.xlsx").get("Status")).isEqualTo("rejected");
        assertThat(rejection).startsWith("The Member state 'Albania Albania").hasSize(4_000).contains("…")
                .endsWith("Albania' (Submission!B1) is not a known country.");

        List<Map<String, Object>> findings = workbook.records("Data quality");
        Map<String, Object> yearFinding = findings.stream()
                .filter(f -> String.valueOf(f.get("Problem")).contains("is not a year")).findFirst().orElseThrow();
        assertThat((String) yearFinding.get("Problem")).startsWith("'2019 and later").hasSize(4_000).contains("…")
                .endsWith("and later' is not a year. The row was not imported.");
        assertThat(yearFinding.get("Value")).isEqualTo(longYear);
        assertThat((String) yearFinding.get("Sheet")).startsWith("Indicators   ").hasSize(100).contains("…");
    }
}
