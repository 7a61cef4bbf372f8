package org.threatanalysis.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.HostileFiles;
import org.threatanalysis.support.Workspace;

/**
 * What a crashed run leaves behind (a partial workbook in the output folder, POI's temporary
 * sheet files) is removed by the next run before it writes.
 */
class StaleFilesCleanupTest {

    @TempDir
    Path temp;

    @Test
    void shouldRemovePartialOutputsAndTemporaryFilesOfACrashedRun() throws Exception {
        Workspace workspace = Workspace.empty(temp);
        HostileFiles.goodWorkbook().saveAs(workspace.input().resolve("ME_2019-2020.xlsx"));
        Path partial = Files.createDirectories(workspace.output())
                .resolve(".writing-threat-analysis_2019-2020.xlsx.41.tmp");
        Files.writeString(partial, "half a workbook");
        Path poiTemp = Files.createDirectories(workspace.database().resolve("tmp/poi/poifiles"))
                .resolve("poi-sxssf-sheet123.xml");
        Files.writeString(poiTemp, "<sheetData>");

        CliRun run = workspace.run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(partial).doesNotExist();
        assertThat(poiTemp).doesNotExist();
        try (var files = Files.list(workspace.output())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("threat-analysis_2019-2020.xlsx");
        }
    }
}
