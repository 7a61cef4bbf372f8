package org.threatanalysis.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The job process's CPU time as it goes, sampled every 100 ms: the whole process, HotSpot's
 * compiler threads and its garbage-collector threads (from /proc, Linux). The benchmark reads it
 * for the import steps' time window, to show where a step's core-seconds went: on two cores the
 * compiler and the collector share the CPU with the job's own threads.
 *
 * <p>Cheap enough not to disturb what it measures: the process time is one system call, and the
 * threads' {@code stat} files are listed once a second and only the few matching ones read.
 */
final class CpuTimeline {

    private static final long INTERVAL_MS = 100;
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final Path TASKS = Path.of("/proc/self/task");

    /** One sample: when (epoch milliseconds) and the CPU seconds used until then. */
    record Sample(long at, double process, double compiler, double collector) {
    }

    /** CPU seconds used within a time window. */
    record Window(double seconds, double process, double compiler, double collector) {

        double ownThreads() {
            return process - compiler - collector;
        }
    }

    private final List<Sample> samples = new ArrayList<>();
    private final NamedThreads compiler = new NamedThreads("CompilerThre");
    private final NamedThreads collector = new NamedThreads("GC Thread");
    private final Thread sampler;

    private CpuTimeline() {
        sampler = new Thread(this::sample, "cpu-sampler");
        sampler.setDaemon(true);
    }

    static CpuTimeline start() {
        CpuTimeline timeline = new CpuTimeline();
        timeline.sampler.start();
        return timeline;
    }

    private void sample() {
        for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
            if (n % 10 == 0) {
                compiler.list();
                collector.list();
            }
            record();
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                record();
                return;
            }
        }
    }

    private void record() {
        double process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : -1;
        Sample sample = new Sample(System.currentTimeMillis(), process, compiler.seconds(), collector.seconds());
        synchronized (samples) {
            samples.add(sample);
        }
    }

    /** CPU seconds the JVM's threads whose name contains the text have used so far; -1 without /proc. */
    static double threadsCpuSeconds(String name) {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        NamedThreads threads = new NamedThreads(name);
        threads.list();
        return threads.seconds();
    }

    /** The CPU time of the JVM's threads whose name contains a text; one that ended keeps its last value. */
    private static final class NamedThreads {

        private final String name;
        private final Map<Path, Double> seconds = new HashMap<>();

        NamedThreads(String name) {
            this.name = name;
        }

        void list() {
            if (!Files.isDirectory(TASKS)) {
                return;
            }
            try (var list = Files.list(TASKS)) {
                for (Path task : list.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).contains(name)) {
                            seconds.putIfAbsent(task, 0.0);
                        }
                    } catch (IOException | RuntimeException e) {
                        // ended meanwhile
                    }
                }
            } catch (IOException e) {
                // no listing this time
            }
        }

        double seconds() {
            double sum = 0;
            for (Map.Entry<Path, Double> thread : seconds.entrySet()) {
                try {
                    String stat = Files.readString(thread.getKey().resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    thread.setValue((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
                } catch (IOException | RuntimeException e) {
                    // ended: its last value stands
                }
                sum += thread.getValue();
            }
            return sum;
        }
    }

    /** Stops sampling, takes a last sample and writes them all to the file. */
    void stopAndWrite(Path file) throws IOException {
        sampler.interrupt(); // the sampler takes a last sample as it stops
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> lines = new ArrayList<>();
        synchronized (samples) {
            for (Sample s : samples) {
                lines.add(String.format(Locale.ROOT, "%d %.3f %.2f %.2f", s.at(), s.process(), s.compiler(), s.collector()));
            }
        }
        Files.write(file, lines);
    }

    /** The CPU used between two moments (epoch milliseconds), from the samples nearest to them. */
    static Window between(Path file, long from, long to) throws IOException {
        List<Sample> samples = Files.readAllLines(file).stream().map(l -> l.split(" "))
                .map(f -> new Sample(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])))
                .toList();
        Sample start = nearest(samples, from);
        Sample end = nearest(samples, to);
        return new Window((end.at() - start.at()) / 1000.0, end.process() - start.process(),
                end.compiler() - start.compiler(), end.collector() - start.collector());
    }

    private static Sample nearest(List<Sample> samples, long at) {
        Sample best = samples.get(0);
        for (Sample s : samples) {
            if (Math.abs(s.at() - at) < Math.abs(best.at() - at)) {
                best = s;
            }
        }
        return best;
    }
}
