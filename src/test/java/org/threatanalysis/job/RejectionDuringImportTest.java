package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.threatanalysis.support.SystemProperties;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * The data sheets are read once, by the import, under the reading budget. A revision that breaks
 * the budget after some of its chunks were committed is rejected as a whole: what it staged is
 * removed, the register gives the reason, and the revision before it stands again for its years,
 * as if registration had rejected the file.
 */
class RejectionDuringImportTest {

    @TempDir
    Path temp;

    @Test
    void shouldRejectARevisionOverBudgetAndLetTheEarlierOneStand() throws Exception {
        Workspace workspace = Workspace.empty(temp);
        HostileFiles.goodWorkbook().saveAs(workspace.input().resolve("ME_2019-2020.xlsx"));
        FixtureWorkbooks revision = FixtureWorkbooks.workbook();
        var indicators = revision.sheet("Submission")
                .row("Member state", "Montenegro")
                .row("Reporting period", "2019-2020")
                .row("Submission date", LocalDate.of(2022, 6, 1))
                .row("Revision", 2)
                .sheet("Indicators")
                .row(FixtureWorkbooks.INDICATOR_HEADER);
        for (int i = 0; i < 25; i++) {
            indicators.row(2019 + i % 2, "Migrant smuggling", "cases", null, 100 + i);
        }
        revision.saveAs(workspace.input().resolve("ME_2019-2020_rev2.xlsx"));

        // 21 rows read (the header and 20 data rows) break the budget after four chunks of five
        // were committed.
        CliRun run = SystemProperties.with(Map.of("consolidation.chunk-size", "5",
                "consolidation.budget.max-rows-per-sheet", "20"), workspace::run);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTIONS);
        WorkbookCells workbook = WorkbookCells.read(workspace.workbook());
        Map<String, Map<String, Object>> register = BadFilesAmongGoodOnesTest.byFile(workbook.records("Submissions"));
        assertThat(register.get("ME_2019-2020_rev2.xlsx")).containsEntry("Status", "rejected");
        assertThat((String) register.get("ME_2019-2020_rev2.xlsx").get("Reason"))
                .contains("The sheet 'Indicators' has more than 20 rows");
        assertThat(register.get("ME_2019-2020.xlsx")).containsEntry("Status", "consolidated");
        List<Map<String, Object>> consolidated = workbook.records("Indicators");
        assertThat(consolidated).extracting(row -> row.get("Value")).containsExactly(12.0, 15.0);
        assertThat(consolidated).allSatisfy(row -> assertThat((String) row.get("Source")).startsWith("ME_2019-2020.xlsx!"));
        assertThat(workbook.records("Data quality")).anySatisfy(row -> assertThat(String.valueOf(row.values()))
                .contains("ME_2019-2020_rev2.xlsx").contains("more than 20 rows"));
        // Nothing of the rejected revision stays staged: only the two rows of the first one.
        assertThat(StagingCounts.of(workspace).indicators()).isEqualTo(2);
        assertThat(StagingCounts.of(workspace).passedRows()).isZero();
    }
}
