package org.threatanalysis.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.reading.FixtureWorkbooks;
import org.threatanalysis.reading.SheetRow;
import org.threatanalysis.support.CliRun;
import org.threatanalysis.support.HostileFiles;
import org.threatanalysis.support.WorkbookCells;
import org.threatanalysis.support.Workspace;

/**
 * Values as Excel stores them: a workbook in the 1904 date system (old Mac Excel) imported with
 * the right dates, and OOXML's {@code _xHHHH_} escapes decoded.
 */
class Date1904WorkbookTest {

    @TempDir
    Path temp;

    @Test
    void shouldImportA1904WorkbookWithTheRightDates() throws Exception {
        Workspace workspace = Workspace.empty(temp);
        FixtureWorkbooks.workbook().date1904()
                .sheet("Submission").row("Member state", "Montenegro").row("Reporting period", "2019-2020")
                .row("Submission date", FixtureWorkbooks.date(LocalDate.of(2022, 3, 14), "yyyy-mm-dd"))
                .sheet("Indicators").row(FixtureWorkbooks.INDICATOR_HEADER)
                .row(FixtureWorkbooks.date(LocalDate.of(2019, 12, 31), "yyyy"), "Migrant smuggling", "cases", null, 4)
                .row(FixtureWorkbooks.date(LocalDate.of(2020, 1, 1), "yyyy"), "Migrant smuggling", "cases", null, 5)
                .saveAs(workspace.input().resolve("ME_2019-2020.xlsx"));

        CliRun run = workspace.run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        WorkbookCells workbook = WorkbookCells.read(workspace.workbook());
        Map<String, Object> submission = workbook.records("Submissions").get(0);
        // the consolidated workbook uses the 1900 date system
        assertThat(org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime((Double) submission.get("Submission date"), false)
                .toLocalDate()).isEqualTo(LocalDate.of(2022, 3, 14));
        assertThat(workbook.records("Indicators")).extracting(row -> row.get("Year"))
                .containsExactly(2019.0, 2020.0);
    }

    /** Inline text with entities, character references and a CDATA section, short and long. */
    @Test
    void shouldReadInlineTextWhateverItsMarkup() throws Exception {
        Path base = HostileFiles.goodWorkbook().saveAs(temp.resolve("base.xlsx"));
        Path file = temp.resolve("pieces.xlsx");
        String longText = "x".repeat(9_000) + "&amp;" + "y".repeat(9_000);
        HostileFiles.rewrite(base, file, Map.of("xl/worksheets/sheet2.xml", old -> new String(old, StandardCharsets.UTF_8)
                .replaceFirst("<row r=\"2\">", "<row r=\"2\"><c r=\"G2\" t=\"inlineStr\"><is><t>Tiran&#x00EB; &amp; "
                        + "&lt;Durr&#235;s&gt; <![CDATA[<b>&amp;</b>]]> &#x416;</t></is></c><c r=\"H2\" t=\"inlineStr\"><is><t>" + longText
                        + "</t></is></c>")
                .getBytes(StandardCharsets.UTF_8)));

        List<SheetRow> rows = FixtureWorkbooks.readSheet(file, "Indicators");

        assertThat(FixtureWorkbooks.row(rows, 2).cell(6).text()).isEqualTo("Tiran\u00eb & <Durr\u00ebs> <b>&amp;</b> \u0416");
        assertThat(FixtureWorkbooks.row(rows, 2).cell(7).text()).isEqualTo("x".repeat(9_000) + "&" + "y".repeat(9_000));
    }

    @Test
    void shouldDecodeEscapedCharacters() throws Exception {
        Path base = HostileFiles.goodWorkbook().saveAs(temp.resolve("base.xlsx"));
        Path file = temp.resolve("escaped.xlsx");
        HostileFiles.rewrite(base, file, Map.of("xl/worksheets/sheet2.xml", old -> new String(old, StandardCharsets.UTF_8)
                .replaceFirst("<row r=\"2\">", "<row r=\"2\"><c r=\"G2\" t=\"inlineStr\"><is><t>Route_x0020_A_x005F_x0041_</t></is></c>")
                .getBytes(StandardCharsets.UTF_8)));

        List<SheetRow> rows = FixtureWorkbooks.readSheet(file, "Indicators");

        assertThat(FixtureWorkbooks.row(rows, 2).cell(6).text()).isEqualTo("Route A_x0041_");
    }
}
