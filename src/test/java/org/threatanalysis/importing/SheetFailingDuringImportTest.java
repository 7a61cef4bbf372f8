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
 * A data sheet that breaks while it is being imported (registration reads only the cover sheet)
 * does not fail the step: the reader ends the file with its rejection and the reason, as
 * registration would have rejected it, and hands on nothing after it.
 */
class SheetFailingDuringImportTest {

    @TempDir
    Path dir;

    @Test
    void shouldRejectTheFileInsteadOfFailing() throws Exception {
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
        assertThat(rejection(items)).contains("damaged");
    }

    @Test
    void shouldRejectAFileWhoseSheetIsNotWellFormed() throws Exception {
        Path good = HostileFiles.goodWorkbook().saveAs(dir.resolve("good.xlsx"));
        Path file = dir.resolve("ME_2019-2020.xlsx");
        HostileFiles.rewrite(good, file, Map.of("xl/worksheets/sheet2.xml", old -> {
            String xml = new String(old, StandardCharsets.UTF_8);
            return (xml.substring(0, xml.indexOf("<row r=\"3\"")) + "<row r=\"3\"><c <<<")
                    .getBytes(StandardCharsets.UTF_8);
        }));

        List<ImportItem> items = ImportFixtures.readAll(file);

        // the rows before the break may be handed on: the rejection that follows undoes them
        assertThat(ImportFixtures.rawRows(items)).extracting(ImportItem.RawRow::rowNumber).containsExactly(2);
        assertThat(rejection(items)).contains("damaged");
    }

    /** The reason of the file's rejection, which must be the reader's last item. */
    private static String rejection(List<ImportItem> items) {
        assertThat(items).last().isInstanceOf(ImportItem.FileRejected.class);
        assertThat(items.stream().filter(ImportItem.FileRejected.class::isInstance)).hasSize(1);
        return ((ImportItem.FileRejected) items.get(items.size() - 1)).reason();
    }
}
