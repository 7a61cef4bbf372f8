package org.threatanalysis.workbook;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Review sheet's entries, counted as the rows are read: one per kind, crime area and folded
 * text, with its occurrences, submitters, years and first places.
 *
 * <p>Case-level submissions bring a distinct text for nearly every row (about a kilobyte of heap
 * each), so at most {@code heldAtOnce} entries are held: when that many are, they go to a
 * {@link SpillingSorter} by key as partial counts and counting starts afresh. At the end the
 * partial counts of each key are merged (in the order of their first occurrence) and the merged
 * entries sorted into the sheet's order, on disk too when there are many. With fewer entries
 * nothing is written and the result is the same.
 */
final class ReviewEntries implements Closeable {

    /** Occurrences shown in the Where column. */
    private static final int WHERE_LIMIT = 5;

    /** The sheet's order: kind, crime area, the most frequent first, then the folded text. */
    private static final Comparator<Entry> SHEET_ORDER = Comparator.comparing((Entry e) -> e.kind)
            .thenComparing(e -> e.crimeArea == null ? "" : e.crimeArea)
            .thenComparing(Comparator.comparingInt((Entry e) -> e.occurrences).reversed())
            .thenComparing(e -> e.folded)
            .thenComparing(e -> e.crimeArea, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** By key: kind, crime area and folded text. */
    private static final Comparator<Entry> KEY = Comparator.comparing((Entry e) -> e.kind)
            .thenComparing(e -> e.crimeArea, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.folded);

    /** Partial counts of one key together, in the order of their first occurrence. */
    private static final Comparator<Entry> KEY_ORDER = KEY.thenComparingLong(Entry::firstPosition);

    private record Key(String kind, String crimeArea, String folded) {
    }

    private final Map<Key, Entry> counting = new HashMap<>();
    private final int heldAtOnce;
    private final Path folder;
    private final SpillingSorter<Entry> partials;

    ReviewEntries(int heldAtOnce, Path folder) {
        this.heldAtOnce = heldAtOnce;
        this.folder = folder;
        this.partials = new SpillingSorter<>(KEY_ORDER, CODEC, heldAtOnce, folder);
    }

    /** The entry of this kind, crime area and folded text, counting from now on. */
    Entry entry(String kind, String crimeArea, String folded) {
        return counting.computeIfAbsent(new Key(kind, crimeArea, folded), k -> new Entry(kind, crimeArea, folded));
    }

    /**
     * After each row: when as many entries are held as the heap should hold, they are set aside as
     * partial counts. Between rows only, so that the occurrences of one row stay in one count.
     */
    void rowDone() {
        if (counting.size() >= heldAtOnce) {
            counting.values().forEach(partials::add);
            counting.clear();
        }
    }

    /** Every entry, its partial counts merged, in the sheet's order. */
    void forEachInOrder(Consumer<Entry> action) {
        counting.values().forEach(partials::add);
        counting.clear();
        try (SpillingSorter<Entry> merged = new SpillingSorter<>(SHEET_ORDER, CODEC, heldAtOnce, folder)) {
            Entry[] current = new Entry[1];
            partials.forEachInOrder(partial -> {
                if (current[0] != null && KEY.compare(current[0], partial) == 0) {
                    current[0].merge(partial);
                } else {
                    if (current[0] != null) {
                        merged.add(current[0]);
                    }
                    current[0] = partial;
                }
            });
            if (current[0] != null) {
                merged.add(current[0]);
            }
            merged.forEachInOrder(action);
        }
    }

    @Override
    public void close() {
        partials.close();
    }

    static final class Entry {
        final String kind;
        final String crimeArea;
        /** The folded text, kept to sort by: folding again in the comparator would cost more than the sort. */
        final String folded;
        // What the first occurrence (in file and row order) says.
        String text;
        String currentCode;
        String method;
        Double confidence;
        String suggestions;
        int occurrences;
        // Kept small: case-level submissions bring tens of thousands of entries.
        final List<String> submitters = new ArrayList<>(1);
        int firstYear = Integer.MAX_VALUE;
        int lastYear = Integer.MIN_VALUE;
        /** The first occurrences in file and row order (positions), whatever order they are read in. */
        final List<String> where = new ArrayList<>(1);
        final List<Long> wherePositions = new ArrayList<>(1);

        Entry(String kind, String crimeArea, String folded) {
            this.kind = kind;
            this.crimeArea = crimeArea;
            this.folded = folded;
        }

        /** Whether an occurrence at this position comes before every one seen so far. */
        boolean isFirst(long position) {
            return wherePositions.isEmpty() || position < wherePositions.get(0);
        }

        void describe(String text, String currentCode, String method, Double confidence, String suggestions) {
            this.text = text;
            this.currentCode = currentCode;
            this.method = method;
            this.confidence = confidence;
            this.suggestions = suggestions;
        }

        void add(long position, String submitter, int year, String source) {
            occurrences++;
            addSubmitter(submitter);
            firstYear = Math.min(firstYear, year);
            lastYear = Math.max(lastYear, year);
            addPlace(position, source);
        }

        private void addSubmitter(String submitter) {
            if (submitter != null) {
                int at = Collections.binarySearch(submitters, submitter);
                if (at < 0) {
                    submitters.add(-at - 1, submitter);
                }
            }
        }

        long firstPosition() {
            return wherePositions.isEmpty() ? Long.MAX_VALUE : wherePositions.get(0);
        }

        /**
         * Adds a later partial count of the same key: one whose first occurrence comes after this
         * one's. Counts set aside between rows never share a position, so the first places are the
         * merged positions' first ones and the description stays this count's.
         */
        void merge(Entry later) {
            occurrences += later.occurrences;
            later.submitters.forEach(this::addSubmitter);
            firstYear = Math.min(firstYear, later.firstYear);
            lastYear = Math.max(lastYear, later.lastYear);
            for (int i = 0; i < later.wherePositions.size(); i++) {
                addPlace(later.wherePositions.get(i), later.where.get(i));
            }
        }

        /** Keeps the first places by position; after any equal one, so two unknown places of one route keep their order. */
        private void addPlace(long position, String source) {
            int at = wherePositions.size();
            while (at > 0 && wherePositions.get(at - 1) > position) {
                at--;
            }
            if (at < WHERE_LIMIT) {
                wherePositions.add(at, position);
                where.add(at, source);
                if (where.size() > WHERE_LIMIT) {
                    wherePositions.remove(WHERE_LIMIT);
                    where.remove(WHERE_LIMIT);
                }
            }
        }
    }

    /** An entry written to a sorted run and read back as it was. */
    private static final SpillingSorter.Codec<Entry> CODEC = new SpillingSorter.Codec<>() {

        @Override
        public void write(DataOutputStream out, Entry e) throws IOException {
            text(out, e.kind);
            text(out, e.crimeArea);
            text(out, e.folded);
            text(out, e.text);
            text(out, e.currentCode);
            text(out, e.method);
            out.writeBoolean(e.confidence != null);
            if (e.confidence != null) {
                out.writeDouble(e.confidence);
            }
            text(out, e.suggestions);
            out.writeInt(e.occurrences);
            out.writeInt(e.firstYear);
            out.writeInt(e.lastYear);
            out.writeInt(e.submitters.size());
            for (String submitter : e.submitters) {
                text(out, submitter);
            }
            out.writeInt(e.where.size());
            for (int i = 0; i < e.where.size(); i++) {
                out.writeLong(e.wherePositions.get(i));
                text(out, e.where.get(i));
            }
        }

        @Override
        public Entry read(DataInputStream in) throws IOException {
            Entry e = new Entry(text(in), text(in), text(in));
            e.describe(text(in), text(in), text(in), in.readBoolean() ? in.readDouble() : null, text(in));
            e.occurrences = in.readInt();
            e.firstYear = in.readInt();
            e.lastYear = in.readInt();
            for (int n = in.readInt(); n > 0; n--) {
                e.submitters.add(text(in));
            }
            for (int n = in.readInt(); n > 0; n--) {
                e.wherePositions.add(in.readLong());
                e.where.add(text(in));
            }
            return e;
        }

        /**
         * Modified UTF-8 (each UTF-16 code unit on its own, so a lone surrogate in a submission comes
         * back unchanged), or the code units themselves for a text too long for it.
         */
        private static void text(DataOutputStream out, String s) throws IOException {
            if (s == null) {
                out.writeByte(0);
            } else if (s.length() <= MAX_UTF_CHARS) {
                out.writeByte(1);
                out.writeUTF(s);
            } else {
                out.writeByte(2);
                out.writeInt(s.length());
                out.writeChars(s);
            }
        }

        private static String text(DataInputStream in) throws IOException {
            switch (in.readByte()) {
                case 0:
                    return null;
                case 1:
                    return in.readUTF();
                default:
                    char[] chars = new char[in.readInt()];
                    for (int i = 0; i < chars.length; i++) {
                        chars[i] = in.readChar();
                    }
                    return new String(chars);
            }
        }

        /** Modified UTF-8 takes at most three bytes a code unit, and writeUTF at most 65,535 bytes. */
        private static final int MAX_UTF_CHARS = 65_535 / 3;
    };
}
