package org.threatanalysis.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The previous file stays whole until the new one is complete on disk. */
class DurableReplacementTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheTargetWithTheWorkbook() throws IOException {
        Path target = Files.writeString(folder.resolve("book.xlsx"), "previous");
        Path temp = folder.resolve(".book.tmp");

        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Only").createRow(0).createCell(0).setCellValue("new content");
            DurableReplacement.write(temp, target, workbook::write);
        }

        assertThat(temp).doesNotExist();
        try (XSSFWorkbook written = new XSSFWorkbook(Files.newInputStream(target))) {
            assertThat(written.getSheet("Only").getRow(0).getCell(0).getStringCellValue()).isEqualTo("new content");
        }
    }

    @Test
    void forcesTheFileEvenWhenTheContentClosesItsStream() throws IOException {
        Path target = Files.writeString(folder.resolve("book.zip"), "previous");

        DurableReplacement.write(folder.resolve(".book.tmp"), target, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) { // closes out at the zip's end
                zip.putNextEntry(new ZipEntry("part.xml"));
                zip.write("<part/>".getBytes(StandardCharsets.UTF_8));
            }
        });

        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(target))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("part.xml");
            assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<part/>");
        }
    }

    @Test
    void leavesThePreviousFileWhenWritingFails() throws IOException {
        Path target = Files.writeString(folder.resolve("book.xlsx"), "previous");
        Path temp = folder.resolve(".book.tmp");

        assertThatThrownBy(() -> DurableReplacement.write(temp, target, out -> {
            out.write("half a work".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("previous");
    }

    @Test
    void emptiesATemporaryFileLeftByAnEarlierAttempt() throws IOException {
        Path target = folder.resolve("book.txt");
        Path temp = Files.writeString(folder.resolve(".book.tmp"), "a much longer leftover of an earlier attempt");

        DurableReplacement.write(temp, target, out -> out.write("short".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(target)).isEqualTo("short");
    }
}
