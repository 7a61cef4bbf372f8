package org.threatanalysis.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.SystemProperties;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * A normalised sheet with more rows than a sheet holds continues on "Indicators (2)" ..., with the
 * same header, no row lost or repeated, and the overview says so. The limit is lowered here so
 * that the sample input crosses it; in production it is Excel's 1,048,576.
 */
class SheetRowLimitTest {

    @TempDir
    Path temp;

    @Test
    void shouldContinueALongSheetOnTheNextOneAndSaySoInTheOverview() throws IOException {
        Workspace limited = Workspace.withSampleInput(temp.resolve("limited"));
        CliRun run = SystemProperties.with(Map.of("consolidation.sheet-row-limit", "301"), limited::run);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SUCCESS);
        Workspace whole = Workspace.withSampleInput(temp.resolve("whole"));
        assertThat(whole.run().exitCode()).isEqualTo(ExitCodes.SUCCESS);

        WorkbookCells split = WorkbookCells.read(limited.workbook());
        WorkbookCells reference = WorkbookCells.read(whole.workbook());
        List<List<Object>> expected = reference.rows("Indicators");
        assertThat(expected.size() - 1).as("indicator rows of the sample").isGreaterThan(900);

        List<List<Object>> rejoined = new ArrayList<>(split.rows("Indicators"));
        int part = 2;
        while (split.sheetNames().contains("Indicators (" + part + ")")) {
            List<List<Object>> rows = split.rows("Indicators (" + part + ")");
            assertThat(rows.get(0)).as("header of part " + part).isEqualTo(expected.get(0));
            rejoined.addAll(rows.subList(1, rows.size()));
            part++;
        }
        assertThat(part - 1).as("sheets for the indicators").isEqualTo((expected.size() - 1 + 299) / 300);
        assertThat(split.rows("Indicators")).hasSize(301);
        assertThat(rejoined).isEqualTo(expected);
        assertThat(split.sheetNames()).containsSubsequence("Indicators", "Indicators (2)", "Modus operandi", "Routes");

        assertThat(split.rows("Overview")).anySatisfy(row -> {
            assertThat(row).isNotEmpty();
            assertThat(row.get(0)).isEqualTo("Sheets continued (more rows than a sheet holds)");
            assertThat((String) row.get(1)).startsWith("Indicators continues on Indicators (2) to Indicators (")
                    .contains("(" + (expected.size() - 1) + " rows)");
        });
    }
}
