package org.threatanalysis.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cheap look at an .xlsx's sheet names agrees with POI, and gives up on anything odd. */
class SheetNamesTest {

    @TempDir
    Path temp;

    @Test
    void shouldListTheSameSheetsAsPoiForEverySampleWorkbook() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("input"))) {
            files = list.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            try (SubmissionWorkbook workbook = SubmissionWorkbook.open(file)) {
                assertThat(SheetNames.peek(file)).as(file.toString()).contains(workbook.sheetNames());
            }
        }
    }

    @Test
    void shouldLeaveOddFilesToPoi() throws IOException {
        Path empty = Files.write(temp.resolve("empty.xlsx"), new byte[0]);
        Path text = Files.writeString(temp.resolve("text.xlsx"), "Year;Crime area\n2020;DRG\n");
        Path xls = Files.write(temp.resolve("legacy.xls"), new byte[] {1, 2, 3});
        assertThat(SheetNames.peek(empty)).isEmpty();
        assertThat(SheetNames.peek(text)).isEmpty();
        assertThat(SheetNames.peek(xls)).isEmpty();
    }
}
