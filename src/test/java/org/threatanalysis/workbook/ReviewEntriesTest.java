package org.threatanalysis.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Review sheet's entries come out the same whether they were all counted in the heap or set
 * aside on disk every few rows and merged: counts, submitters, years, the description of the first
 * occurrence, the first five places and the sheet's order. The occurrences are those a case-level
 * submission set brings: texts repeated across files, rows read out of position order within a
 * file (blocks by year), one route row naming the same unknown place twice, texts with lone
 * surrogates and non-Latin letters, a text of 34,000 characters.
 */
class ReviewEntriesTest {

    @TempDir
    Path temp;

    private record Occurrence(String kind, String crimeArea, String folded, String text, String code, String method,
            Double confidence, String suggestions, long position, String submitter, int year, String source) {
    }

    @Test
    void shouldGiveTheSameEntriesWhenTheyAreSetAsideOnDiskAsWhenAllAreHeld() throws IOException {
        List<List<Occurrence>> rows = occurrences(new Random(20261129), 12, 200);

        List<String> held = entries(rows, Integer.MAX_VALUE, temp.resolve("held"));
        assertThat(held).hasSizeGreaterThan(100);
        assertThat(held).anySatisfy(e -> assertThat(e).contains("occurrences=1;"));
        assertThat(held).anySatisfy(e -> assertThat(e).containsPattern("occurrences=[1-9][0-9]+;"));
        for (int heldAtOnce : new int[] {2, 5, 50}) {
            assertThat(entries(rows, heldAtOnce, temp.resolve("spilled-" + heldAtOnce)))
                    .as("held %d at once", heldAtOnce).isEqualTo(held);
        }
    }

    @Test
    void shouldWriteNothingWhileTheEntriesFitAndRemoveWhatItWrote() throws IOException {
        List<List<Occurrence>> rows = occurrences(new Random(7), 3, 50);
        Path folder = temp.resolve("runs");
        Files.createDirectories(folder);
        try (ReviewEntries entries = new ReviewEntries(Integer.MAX_VALUE, folder)) {
            count(entries, rows);
            entries.forEachInOrder(e -> { });
            assertThat(files(folder)).isEmpty();
        }
        try (ReviewEntries entries = new ReviewEntries(4, folder)) {
            count(entries, rows);
            entries.forEachInOrder(e -> { });
            assertThat(files(folder)).isNotEmpty();
        }
        assertThat(files(folder)).isEmpty();
    }

    private static List<String> entries(List<List<Occurrence>> rows, int heldAtOnce, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> out = new ArrayList<>();
        try (ReviewEntries entries = new ReviewEntries(heldAtOnce, folder)) {
            count(entries, rows);
            entries.forEachInOrder(e -> out.add(e.kind + "|" + e.crimeArea + "|" + e.folded + "| text=" + e.text
                    + "; code=" + e.currentCode + "; method=" + e.method + "; confidence=" + e.confidence
                    + "; suggestions=" + e.suggestions + "; occurrences=" + e.occurrences + "; submitters="
                    + e.submitters + "; years=" + e.firstYear + "-" + e.lastYear + "; where=" + e.where + " at "
                    + e.wherePositions));
        }
        return out;
    }

    /** As {@link ReviewSheet} counts: each occurrence, and the end of each row. */
    private static void count(ReviewEntries entries, List<List<Occurrence>> rows) {
        for (List<Occurrence> row : rows) {
            for (Occurrence o : row) {
                ReviewEntries.Entry entry = entries.entry(o.kind(), o.crimeArea(), o.folded());
                if (entry.isFirst(o.position())) {
                    entry.describe(o.text(), o.code(), o.method(), o.confidence(), o.suggestions());
                }
                entry.add(o.position(), o.submitter(), o.year(), o.source());
            }
            entries.rowDone();
        }
    }

    private static List<List<Occurrence>> occurrences(Random random, int files, int rowsPerFile) {
        List<String> texts = new ArrayList<>(List.of("boats at night", "container via port", "Ćirilica ćup",
                "\uD800 lone surrogate", "mixed Кириллица", "z", "zz", "é", "a b", "ab",
                "long description ".repeat(2_000) + "\uDC00 ending in a lone surrogate"));
        for (int i = 0; i < 60; i++) {
            texts.add("case text " + random.nextInt(1000));
        }
        List<String> areas = new ArrayList<>(java.util.Arrays.asList("DRG", "MSM", "THB", null));
        List<String> submitters = List.of("AL", "BA-SRP", "RS", "XK", "MD");
        List<List<Occurrence>> rows = new ArrayList<>();
        for (int file = 0; file < files; file++) {
            String submitter = submitters.get(random.nextInt(submitters.size()));
            List<Integer> sheetRows = new ArrayList<>();
            for (int r = 0; r < rowsPerFile; r++) {
                sheetRows.add(2 + r);
            }
            Collections.shuffle(sheetRows, random); // blocks are read by year, not by row
            for (int sheetRow : sheetRows) {
                long position = ((long) file << 32) | sheetRow;
                int year = 2017 + random.nextInt(5);
                String source = "F" + file + ".xlsx!Sheet!C" + sheetRow;
                List<Occurrence> row = new ArrayList<>();
                if (random.nextBoolean()) {
                    String text = texts.get(random.nextInt(texts.size()))
                            + (random.nextInt(4) == 0 ? " in case " + random.nextInt(100_000) : "");
                    row.add(new Occurrence("modus operandi", areas.get(random.nextInt(areas.size())), fold(text),
                            text + (random.nextBoolean() ? "" : " "), random.nextInt(3) == 0 ? "DR0" + random.nextInt(9) : null,
                            random.nextBoolean() ? "UNMATCHED" : "SCORED", random.nextBoolean() ? null : random.nextDouble(),
                            "DR01 (0.4)", position, random.nextInt(10) == 0 ? null : submitter, year, source));
                } else {
                    int places = 1 + random.nextInt(3);
                    for (int p = 0; p < places; p++) {
                        String place = p > 0 && random.nextBoolean() ? row.get(0).text()
                                : texts.get(random.nextInt(texts.size()));
                        row.add(new Occurrence("place", null, fold(place), place, null, null, null, null, position,
                                submitter, year, source + " (" + place + " > somewhere)"));
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String fold(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
