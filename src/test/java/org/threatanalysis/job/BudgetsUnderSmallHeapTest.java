package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.ConsolidationApplication;
import org.threatanalysis.cli.ExitCodes;
import org.threatanalysis.support.HostileFiles;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * Files built to exhaust memory are rejected by the job's own budgets, in a separate JVM with a
 * 256 MB heap running the real command line: a shared-string table claiming 200 million
 * characters in a small file, one cell of 5 million characters, a sheet of 250,000 rows, one row
 * of 480 million characters in cells within Excel's limits, and rows each within their budget
 * that together would make a chunk of 180 million characters. POI's zip-bomb ratio check is
 * relaxed in that JVM, so that it is our budgets that stop them.
 */
class BudgetsUnderSmallHeapTest {

    @TempDir
    Path temp;

    @Test
    void shouldRejectFilesOverBudgetWithoutExhaustingASmallHeap() throws Exception {
        Workspace workspace = Workspace.empty(temp);
        Path base = HostileFiles.goodWorkbook().saveAs(temp.resolve("base.xlsx"));
        HostileFiles.goodWorkbook().saveAs(workspace.input().resolve("ME_2019-2020.xlsx"));
        writeWith(base, workspace.input().resolve("shared-string-amplification.xlsx"), "xl/sharedStrings.xml",
                out -> {
                    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            .getBytes(StandardCharsets.UTF_8));
                    // the cover sheet's own strings first, so the file is otherwise valid
                    for (String s : List.of("Member state", "Montenegro", "Reporting period", "2019-2020",
                            "Submission date", "Year", "Crime area", "Indicator", "Commodity", "Value", "Unit", "Notes",
                            "Migrant smuggling", "cases")) {
                        out.write(("<si><t>" + s + "</t></si>").getBytes(StandardCharsets.UTF_8));
                    }
                    byte[] item = ("<si><t>" + "A".repeat(10_000) + "</t></si>").getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 20_000; i++) {
                        out.write(item);
                    }
                    out.write("</sst>".getBytes(StandardCharsets.UTF_8));
                });
        writeWith(base, workspace.input().resolve("oversized-cell.xlsx"), "xl/worksheets/sheet2.xml", out -> {
            out.write(sheetStart());
            out.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Year</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] block = "B".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        writeWith(base, workspace.input().resolve("too-many-rows.xlsx"), "xl/worksheets/sheet2.xml", out -> {
            out.write(sheetStart());
            for (int r = 1; r <= 250_000; r++) {
                out.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        writeWith(base, workspace.input().resolve("monstrous-row.xlsx"), "xl/worksheets/sheet2.xml", out -> {
            // One row of 16,000 cells of 30,000 characters each: 480 million characters, every
            // cell within Excel's limits.
            out.write(sheetStart());
            out.write("<row r=\"1\">".getBytes(StandardCharsets.UTF_8));
            byte[] cell = ("<c t=\"inlineStr\"><is><t>" + "C".repeat(30_000) + "</t></is></c>")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 16_000; i++) {
                out.write(cell);
            }
            out.write("</row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        writeWith(base, workspace.input().resolve("documents-in-cells.xlsx"), "xl/worksheets/sheet2.xml", out -> {
            // 3,000 rows, each with three imported cells of 30,000 characters: every row within
            // its budget, but a chunk of them would hold 180 million characters.
            out.write(sheetStart());
            out.write(inlineRow("Year", "Crime area", "Indicator", "Commodity", "Value", "Unit", "Notes"));
            String text = "D".repeat(30_000);
            for (int r = 2; r <= 3_001; r++) {
                out.write(inlineRow("2019", "Migrant smuggling", text, text, "12", "cases", text));
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(Files.size(workspace.input().resolve("shared-string-amplification.xlsx"))).isLessThan(2_000_000);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-Dconsolidation.budget.min-inflate-ratio=0.00001",
                "-cp", System.getProperty("java.class.path"), ConsolidationApplication.class.getName()));
        command.addAll(List.of(workspace.runArgs()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("child.log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
        String log = Files.readString(temp.resolve("child.log"));

        // -XX:+ExitOnOutOfMemoryError exits with 3 too, the code for a run with rejections
        assertThat(log).doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as(log).isEqualTo(ExitCodes.COMPLETED_WITH_REJECTIONS);
        Map<String, Map<String, Object>> register = BadFilesAmongGoodOnesTest.byFile(
                WorkbookCells.read(workspace.workbook()).records("Submissions"));
        assertThat(register.get("ME_2019-2020.xlsx")).containsEntry("Status", "consolidated");
        assertThat(register.get("shared-string-amplification.xlsx")).containsEntry("Status", "rejected");
        assertThat((String) register.get("shared-string-amplification.xlsx").get("Reason"))
                .contains("texts add up to more than 20000000 characters");
        assertThat(register.get("oversized-cell.xlsx")).containsEntry("Status", "rejected");
        assertThat((String) register.get("oversized-cell.xlsx").get("Reason")).contains("more than 32767 characters");
        assertThat(register.get("too-many-rows.xlsx")).containsEntry("Status", "rejected");
        assertThat((String) register.get("too-many-rows.xlsx").get("Reason")).contains("more than 200000 rows");
        assertThat(register.get("monstrous-row.xlsx")).containsEntry("Status", "rejected");
        assertThat((String) register.get("monstrous-row.xlsx").get("Reason"))
                .contains("Row 1 of sheet 'Indicators' holds more than 100000 characters in its cells together");
        assertThat(register.get("documents-in-cells.xlsx")).containsEntry("Status", "rejected");
        assertThat((String) register.get("documents-in-cells.xlsx").get("Reason"))
                .contains("sheet 'Indicators'", "more than 8000000 characters in their imported cells");
    }

    private static byte[] inlineRow(String... texts) {
        StringBuilder row = new StringBuilder("<row>");
        for (String text : texts) {
            row.append("<c t=\"inlineStr\"><is><t>").append(text).append("</t></is></c>");
        }
        return row.append("</row>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sheetStart() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                .getBytes(StandardCharsets.UTF_8);
    }

    interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** Copies a zip, streaming new content for one entry (never held in memory as a whole). */
    private static void writeWith(Path source, Path target, String entryName, Content content) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    content.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
