package org.threatanalysis.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * Opens the workbook the job wrote in a real spreadsheet application: LibreOffice, headless,
 * converts it (which fails on a workbook it would have to repair), and the converted copy must
 * have the same sheets and the same cells. Skipped, saying so, where LibreOffice is not
 * installed; {@code .ci/run} installs it.
 */
class LibreOfficeRoundTripTest {

    @TempDir
    Path temp;

    @Test
    void shouldOpenInLibreOfficeWithEverySheetAndCellIntact() throws Exception {
        String soffice = findSoffice();
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed: the round-trip test is skipped");
        Workspace workspace = Workspace.withSampleInput(temp.resolve("job"));
        assertThat(workspace.run().exitCode()).isEqualTo(ExitCodes.SUCCESS);
        Path written = workspace.workbook();

        Path converted = temp.resolve("converted");
        Files.createDirectories(converted);
        Process process = new ProcessBuilder(soffice, "--headless", "--norestore",
                "-env:UserInstallation=file://" + temp.resolve("lo-profile").toAbsolutePath(),
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", converted.toString(), written.toString())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        Path reopened = converted.resolve(written.getFileName());
        assertThat(reopened).as(log).exists();

        WorkbookCells original = WorkbookCells.read(written);
        WorkbookCells roundTrip = WorkbookCells.read(reopened);
        assertThat(roundTrip.sheetNames()).isEqualTo(original.sheetNames());
        assertThat(chartParts(reopened)).as("charts after the round trip").isEqualTo(chartParts(written)).isEqualTo(2);
        assertThat(roundTrip.rows("Overview").get(0).get(0)).isEqualTo("Threat analysis consolidation 2017\u20132021");
        for (String sheet : List.of("MO changes", "Route shifts", "Regional totals", "Indicators", "Modus operandi",
                "Routes", "Data quality", "Submissions")) {
            assertThat(roundTrip.header(sheet)).as(sheet).isEqualTo(original.header(sheet));
            assertThat(roundTrip.records(sheet)).as(sheet).hasSameSizeAs(original.records(sheet));
            assertThat(roundTrip.records(sheet).get(0)).as(sheet).isEqualTo(original.records(sheet).get(0));
        }
    }

    private static long chartParts(Path workbook) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
            return zip.stream().filter(e -> e.getName().matches("xl/charts/chart\\d+\\.xml")).count();
        }
    }

    private static String findSoffice() throws IOException {
        for (String candidate : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
