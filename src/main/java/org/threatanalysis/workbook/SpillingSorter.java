package org.threatanalysis.workbook;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Sorts more items than the heap should hold: up to {@code heldAtOnce} are kept, and each time
 * that many are held they are sorted and written to a temporary file (a run); at the end the runs
 * are merged as they are read. With fewer items nothing is written. The order must be total: items
 * that compare equal may come out in any order.
 *
 * <p>Written for the Review sheet, whose distinct texts grow with case-level submissions; the
 * JDK's streams and a priority queue are all it needs.
 */
final class SpillingSorter<T> implements Closeable {

    /** Writes an item to a run and reads it back, exactly. */
    interface Codec<T> {
        void write(DataOutputStream out, T item) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private static final int RUN_BUFFER = 1 << 14;
    /** Runs read at once in a merge: bounds the open files and their buffers. */
    static final int MAX_FAN_IN = 64;

    private final Comparator<? super T> order;
    private final Codec<T> codec;
    private final int heldAtOnce;
    private final Path folder;
    private final List<T> held = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();

    SpillingSorter(Comparator<? super T> order, Codec<T> codec, int heldAtOnce, Path folder) {
        this.order = order;
        this.codec = codec;
        this.heldAtOnce = Math.max(1, heldAtOnce);
        this.folder = folder;
    }

    void add(T item) {
        held.add(item);
        if (held.size() >= heldAtOnce) {
            spill();
        }
    }

    /** Hands every item on in order, once. */
    void forEachInOrder(Consumer<? super T> action) {
        if (runs.isEmpty()) {
            held.sort(order);
            held.forEach(action);
            held.clear();
            return;
        }
        if (!held.isEmpty()) {
            spill();
        }
        // At most MAX_FAN_IN runs open at once: the first ones merged into one run until few are left.
        while (runs.size() > MAX_FAN_IN) {
            List<Path> first = new ArrayList<>(runs.subList(0, MAX_FAN_IN));
            runs.subList(0, MAX_FAN_IN).clear();
            writeRun(sink -> merge(first, sink));
            delete(first);
        }
        merge(runs, action);
    }

    private void merge(List<Path> files, Consumer<? super T> action) {
        List<Run<T>> open = new ArrayList<>();
        try {
            PriorityQueue<Run<T>> merge = new PriorityQueue<>((a, b) -> order.compare(a.head, b.head));
            for (Path file : files) {
                Run<T> run = new Run<>(file, codec);
                open.add(run);
                if (run.advance()) {
                    merge.add(run);
                }
            }
            while (!merge.isEmpty()) {
                Run<T> run = merge.poll();
                action.accept(run.head);
                if (run.advance()) {
                    merge.add(run);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading back a sorted run in " + folder + ": " + e.getMessage(), e);
        } finally {
            open.forEach(Run::close);
        }
    }

    private Path newRun() throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "sorted-run-", ".bin");
        runs.add(file);
        return file;
    }

    private void spill() {
        held.sort(order);
        writeRun(held::forEach);
        held.clear();
    }

    /** Writes a new run of the items handed to the sink: each behind a marker, then the end's. */
    private void writeRun(Consumer<Consumer<T>> items) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(newRun()),
                RUN_BUFFER))) {
            items.accept(item -> {
                try {
                    out.writeBoolean(true);
                    codec.write(out, item);
                } catch (IOException e) {
                    throw new UncheckedIOException("A sorted run cannot be written in " + folder + ": "
                            + e.getMessage(), e);
                }
            });
            out.writeBoolean(false); // the end, told apart from a run cut short
        } catch (IOException e) {
            throw new UncheckedIOException("A sorted run cannot be written in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        held.clear();
        delete(runs);
        runs.clear();
    }

    private static void delete(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover in the writer's own temporary folder, emptied before the next workbook
            }
        }
    }

    /** One run being merged: its next item. */
    private static final class Run<T> {
        private final DataInputStream in;
        private final Codec<T> codec;
        T head;

        Run(Path file, Codec<T> codec) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), RUN_BUFFER));
            this.codec = codec;
        }

        boolean advance() throws IOException {
            if (!in.readBoolean()) {
                head = null;
                return false;
            }
            head = codec.read(in);
            return true;
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                // read to its end already, or failed above with the reason
            }
        }
    }
}
