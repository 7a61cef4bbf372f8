package org.threatanalysis.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threatanalysis.support.HostileFiles;

/**
 * A data sheet that breaks while it is being imported (registration normally rejects such a
 * file first) does not fail the step: the rows before the break are handed on, then a notice
 * naming the sheet, the last row read and the reason.
 */
class SheetFailingDuringImportTest {

    @TempDir
    Path dir;

    @Test
    void shouldEndTheSheetWithANoticeInsteadOfFailing() throws Exception {
        Path good = HostileFiles.goodWorkbook().saveAs(dir.resolve("good.xlsx"));
        Path file = dir.resolve("ME_2019-2020.xlsx");
        HostileFiles.rewrite(good, file, Map.of("xl/worksheets/sheet2.xml", old -> {
            String xml = new String(old, StandardCharsets.UTF_8);
            int third = xml.indexOf("<row r=\"3\"");
            // row 3 refers to shared text that does not exist: only noticed when the row is read
            return (xml.substring(0, third) + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>999</v></c></row>"
                    + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8);
        }));

        List<ImportItem> items = ImportFixtures.readAll(file);

        assertThat(ImportFixtures.rawRows(items)).extracting(ImportItem.RawRow::rowNumber).containsExactly(2);
        assertThat(notice(items)).contains("could not be read beyond row 2").contains("not imported");
    }

    @Test
    void shouldReportASheetThatCannotBeOpened() throws Exception {
        Path good = HostileFiles.goodWorkbook().saveAs(dir.resolve("good.xlsx"));
        Path file = dir.resolve("ME_2019-2020.xlsx");
        HostileFiles.rewrite(good, file, Map.of("xl/worksheets/sheet2.xml", old -> {
            String xml = new String(old, StandardCharsets.UTF_8);
            return (xml.substring(0, xml.indexOf("<row r=\"3\"")) + "<row r=\"3\"><c <<<")
                    .getBytes(StandardCharsets.UTF_8);
        }));

        List<ImportItem> items = ImportFixtures.readAll(file);

        assertThat(ImportFixtures.rawRows(items)).isEmpty();
        assertThat(notice(items)).contains("could not be read").contains("not well-formed XML")
                .contains("not imported");
    }

    private static String notice(List<ImportItem> items) {
        List<ImportItem> notices = items.stream().filter(ImportItem.SheetNotice.class::isInstance).toList();
        assertThat(notices).hasSize(1);
        var issue = ((ImportItem.SheetNotice) notices.get(0)).issue();
        assertThat(issue.sheet()).isEqualTo("Indicators");
        assertThat(issue.rowRejected()).isTrue();
        return issue.reason();
    }
}
