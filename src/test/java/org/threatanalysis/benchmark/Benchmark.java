package org.threatanalysis.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The benchmark: generates a synthetic submission set of a given size, runs the whole job on it
 * in a fresh process with a 256 MB heap, measures the parsing floor on the same files in fresh
 * processes, and prints the job's time per step, rows per second, peak heap and RSS, and the
 * ratio job / floor; beside the floor, the bare cost of staging and of a bare import (the reading
 * and staging alone, {@link Floor}). Not part of the test run; see docs/benchmarks.md for how to run it.
 *
 * <p>The job and the floor are each measured three times in turn ({@code -Dbenchmark.runs=N}),
 * each job on a fresh database, and compared at their medians; the nights run after them.
 *
 * <p>Arguments: sizes ({@code small}, {@code medium}, {@code large}, or {@code all} for these
 * three; {@code xlarge} and {@code xxlarge}, twice and four times {@code large}, for the memory
 * check); default {@code large}: 12
 * member states x 5 yearly workbooks x about 10,000 rows in each data sheet.
 */
public final class Benchmark {

    private record Size(String name, int states, int years, int rowsPerSheet) {
    }

    private static final Map<String, Size> SIZES = new LinkedHashMap<>();

    static {
        SIZES.put("small", new Size("small", 12, 5, 2_500));
        SIZES.put("medium", new Size("medium", 12, 5, 5_000));
        SIZES.put("large", new Size("large", 12, 5, 10_000));
    }

    /** Twice and four times the default, for the memory check (not in "all"). */
    private static final Map<String, Size> MEMORY_CHECK_SIZES = Map.of(
            "xlarge", new Size("xlarge", 12, 5, 20_000),
            "xxlarge", new Size("xxlarge", 12, 5, 40_000));

    /** How often the job and the floor are each measured ({@code -Dbenchmark.runs}); medians are compared. */
    private static final int RUNS = Math.max(1, Integer.getInteger("benchmark.runs", 3));

    /** The options file the build puts beside the jar; the job is measured as it is run. */
    private static final Path JOB_OPTIONS = Path.of("target", "jvm.options").toAbsolutePath();

    /**
     * The job as the build packages it (the jar, its libraries in target/lib, the class-data
     * archive made from them), then the benchmark's own classes for {@link MeasuredJob}.
     */
    private static final String JOB_CLASS_PATH = Path.of("target", "threat-analysis-consolidation.jar")
            + File.pathSeparator + Path.of("target", "test-classes");

    private Benchmark() {
    }

    /** {@code -Xmx256m} and the job's options file, as the README runs the job. */
    private static List<String> jobJvm() {
        return List.of("@" + JOB_OPTIONS, "-Xmx256m");
    }

    private static List<String> jobOptions() throws IOException {
        if (!Files.exists(JOB_OPTIONS)) {
            throw new IllegalStateException(JOB_OPTIONS + " is missing: run the benchmark through Maven "
                    + "(./mvnw -Pbenchmark verify -DskipTests), which packages first");
        }
        return Files.readAllLines(JOB_OPTIONS).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    public static void main(String[] args) throws Exception {
        List<Size> sizes = new ArrayList<>();
        for (String arg : args.length == 0 ? new String[] {"large"} : args) {
            if (arg.equals("all")) {
                sizes.addAll(SIZES.values());
            } else if (MEMORY_CHECK_SIZES.containsKey(arg)) {
                sizes.add(MEMORY_CHECK_SIZES.get(arg));
            } else if (SIZES.containsKey(arg)) {
                sizes.add(SIZES.get(arg));
            } else {
                throw new IllegalArgumentException("Unknown size " + arg + "; use small, medium, large, all, xlarge or xxlarge");
            }
        }
        System.out.println(machine());
        System.out.println("Job JVM: -Xmx256m and " + JOB_OPTIONS + " (" + String.join(" ", jobOptions()) + ")"
                + "; the floor: -Xmx256m and the JVM's defaults");
        Path archive = Path.of("target", "threat-analysis-consolidation.jsa");
        System.out.println("Class-data archive: " + (Files.exists(archive)
                ? archive + ", " + Files.size(archive) / (1024 * 1024) + " MB, made by the build from the packaged jar"
                : "none (the job starts without one)"));
        for (Size size : sizes) {
            run(size);
        }
    }

    private static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        }
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name");
    }

    private static void run(Size size) throws Exception {
        Path root = Path.of("target", "benchmark", size.name()).toAbsolutePath();
        Path input = root.resolve("input");
        Path marker = root.resolve("generated-" + size.states() + "x" + size.years() + "x" + size.rowsPerSheet()
                + "-v" + SyntheticSubmissions.VERSION);
        long rows;
        if (!Files.exists(marker)) {
            deleteTree(root);
            long started = System.nanoTime();
            rows = SyntheticSubmissions.generate(input, size.states(), size.years(), size.rowsPerSheet(), 42);
            Files.writeString(marker, Long.toString(rows));
            System.out.printf(Locale.ROOT, "%n[%s] generated %d workbooks, %,d data rows in %.1f s%n", size.name(),
                    size.states() * size.years(), rows, (System.nanoTime() - started) / 1e9);
        } else {
            rows = Long.parseLong(Files.readString(marker).strip());
            System.out.printf(Locale.ROOT, "%n[%s] reusing %d workbooks, %,d data rows%n", size.name(),
                    size.states() * size.years(), rows);
        }
        deleteTree(root.resolve("floor-stage"));

        // The job and the floor, in turn, RUNS times each: this machine's speed drifts by several
        // percent from minute to minute, so each is taken at its median and every run is printed.
        List<Measured> jobs = new ArrayList<>();
        List<Map<String, Duration>> jobSteps = new ArrayList<>();
        List<CpuTimeline.Window> importCpu = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        List<Double> writes = new ArrayList<>();
        List<Double> bareImports = new ArrayList<>();
        String readCells = "?";
        long outputCells = -1;
        for (int i = 0; i < RUNS; i++) {
            deleteTree(root.resolve("output"));
            deleteTree(root.resolve("data"));
            Path cpuSamples = root.resolve("cpu-samples.txt");
            List<String> jvm = new ArrayList<>(jobJvm());
            jvm.add("-Dbenchmark.cpu-samples=" + cpuSamples);
            Measured job = java(jvm, JOB_CLASS_PATH, MeasuredJob.class, jobArgs(root, input));
            if (job.exitCode() != 0 && job.exitCode() != 3) {
                System.out.println(job.output());
                throw new IllegalStateException("The job failed with exit code " + job.exitCode());
            }
            jobs.add(job);
            List<StepTime> steps = stepTimes(root.resolve("data"));
            jobSteps.add(durations(steps));
            importCpu.add(importCpu(steps, cpuSamples));
            if (outputCells < 0) {
                outputCells = Floor.read(root.resolve("output"));
            }
            Measured read = floor(List.of("-Xmx256m"), "read", input.toString());
            readCells = read.value("cells");
            reads.add(read.seconds());
            writes.add(floor(List.of("-Xmx256m"), "write", root.resolve("floor-write.xlsx").toString(),
                    Long.toString(outputCells)).seconds());
            deleteTree(root.resolve("floor-import"));
            // With the job's JVM options: what the job's reading and staging could cost at the least.
            bareImports.add(floor(jobJvm(), "import",
                    input.toString(), root.resolve("floor-import").toString(), Integer.toString(importThreads())).seconds());
        }
        Measured stage = floor(List.of("-Xmx256m"), "stage", root.resolve("floor-stage").toString(),
                Long.toString(rows));

        int medianRun = medianIndex(jobs.stream().map(Measured::seconds).toList());
        Measured job = jobs.get(medianRun);
        Map<String, Duration> steps = jobSteps.get(medianRun);
        double jobSeconds = job.seconds();
        double readSeconds = reads.get(medianIndex(reads));
        double writeSeconds = writes.get(medianIndex(writes));
        double floorSeconds = readSeconds + writeSeconds;
        double bareImportSeconds = bareImports.get(medianIndex(bareImports));
        List<Double> importTimes = jobSteps.stream().map(s -> s.getOrDefault("importSubmissions", Duration.ZERO)
                .plus(s.getOrDefault("registerSubmissions", Duration.ZERO)).toMillis() / 1000.0).toList();
        double importSeconds = importTimes.get(medianIndex(importTimes));
        System.out.printf(Locale.ROOT, "[%s] %d runs of each, in turn; medians below. Job %s s; floor read %s s, "
                + "write %s s%n", size.name(), RUNS, seconds(jobs.stream().map(Measured::seconds).toList()),
                seconds(reads), seconds(writes));
        System.out.printf(Locale.ROOT, "[%s] job (whole process, -Xmx256m, target/jvm.options): %.2f s, %,.0f rows/s, peak heap in use %s MB"
                + " (sampled, garbage included; limit 256 MB), peak RSS %s MB%n", size.name(), jobSeconds, rows / jobSeconds,
                job.value("peak-heap-mb"), job.value("peak-rss-mb"));
        System.out.printf(Locale.ROOT, "[%s] job CPU: %s s on %d cores, of which the JIT compiler threads %s s%n", size.name(),
                job.value("cpu-s"), Runtime.getRuntime().availableProcessors(), job.value("jit-cpu-s"));
        for (Map.Entry<String, Duration> step : steps.entrySet()) {
            System.out.printf(Locale.ROOT, "[%s]   step %-20s %.2f s%n", size.name(), step.getKey(),
                    step.getValue().toMillis() / 1000.0);
        }
        System.out.printf(Locale.ROOT, "[%s] floor: read %.2f s (%s cells), write %.2f s (%,d cells), total %.2f s%n",
                size.name(), readSeconds, readCells, writeSeconds, outputCells, floorSeconds);
        System.out.printf(Locale.ROOT, "[%s] bare staging, beside the floor: %,d rows in blocks of 2,000 into an HSQLDB CACHED "
                + "table (a durable commit per block) and read back once: %.2f s%n", size.name(), rows, stage.seconds());
        System.out.printf(Locale.ROOT, "[%s] bare import, beside the floor: the same files on %d threads, every cell's text a "
                + "string, rows in blocks of 2,000 into an HSQLDB CACHED table (a durable commit per block), nothing "
                + "normalised, checked or counted, no Spring Batch; the job's JVM options: %.2f s (%s), %.2f x the floor read%n", size.name(),
                importThreads(), bareImportSeconds, seconds(bareImports), bareImportSeconds / readSeconds);
        System.out.printf(Locale.ROOT, "[%s] ratio job / floor: %.2f (target <= 3); job / (floor + bare staging): %.2f%n",
                size.name(), jobSeconds / floorSeconds, jobSeconds / (floorSeconds + stage.seconds()));
        System.out.printf(Locale.ROOT, "[%s] ratio import steps / floor read: %.2f (target <= 2); import steps %s s%n",
                size.name(), importSeconds / readSeconds, seconds(importTimes));
        // Where the import steps' core-seconds went (the median run's), against what the target leaves.
        CpuTimeline.Window cpu = importCpu.get(medianIndex(importTimes));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "[%s] import steps' CPU (sampled every 100 ms): %.1f core-seconds in %.1f s on %d cores"
                + " (%.0f %% busy): JIT compiler %.1f, garbage collector %.1f, the job's own threads %.1f;"
                + " within 2 x the floor read (%.2f s) there are %.1f core-seconds%n", size.name(), cpu.process(),
                cpu.seconds(), cores, 100 * cpu.process() / (cores * cpu.seconds()), cpu.compiler(), cpu.collector(),
                cpu.ownThreads(), 2 * readSeconds, 2 * readSeconds * cores);

        // Incremental nights on the same database: nothing changed, then one workbook changed. The
        // unchanged night is taken at its median too: it lasts a few seconds, and one slow second
        // of this machine's is a fifth of it.
        List<Measured> nights = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            nights.add(java(jobJvm(), JOB_CLASS_PATH, MeasuredJob.class, jobArgs(root, input)));
        }
        List<Double> nightSeconds = nights.stream().map(Measured::seconds).toList();
        Measured unchanged = nights.get(medianIndex(nightSeconds));
        printNight(size, "unchanged night (target <= 15 % of the full run; " + RUNS + " runs: " + seconds(nightSeconds)
                + " s; steps of the last)", unchanged, jobSeconds, root);
        Path changedFile = input.resolve("S00_2017.xlsx");
        byte[] original = Files.readAllBytes(changedFile);
        try {
            SyntheticSubmissions.rewrite(changedFile, 0, 2017, size.rowsPerSheet(), 7);
            Measured oneChanged = java(jobJvm(), JOB_CLASS_PATH, MeasuredJob.class, jobArgs(root, input));
            printNight(size, "one workbook changed", oneChanged, jobSeconds, root);
        } finally {
            Files.write(changedFile, original);
        }
    }

    /** Submissions the job imports at a time (its default, which the benchmark runs it with). */
    private static int importThreads() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = Benchmark.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        return Integer.parseInt(defaults.getProperty("consolidation.import-threads").strip());
    }

    /** The index of the median (the lower middle one of an even count). */
    private static int medianIndex(List<Double> values) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparing(values::get));
        return order.get((values.size() - 1) / 2);
    }

    private static String seconds(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }

    private static String[] jobArgs(Path root, Path input) {
        return new String[] {"run", "--input=" + input, "--output=" + root.resolve("output"),
                "--database=" + root.resolve("data")};
    }

    private static void printNight(Size size, String what, Measured night, double fullSeconds, Path root)
            throws Exception {
        if (night.exitCode() != 0 && night.exitCode() != 3) {
            System.out.println(night.output());
            throw new IllegalStateException("The " + what + " failed with exit code " + night.exitCode());
        }
        System.out.printf(Locale.ROOT, "[%s] %s: %.2f s, %.0f %% of the full run, peak heap in use %s MB%n",
                size.name(), what, night.seconds(), 100 * night.seconds() / fullSeconds, night.value("peak-heap-mb"));
        for (Map.Entry<String, Duration> step : durations(stepTimes(root.resolve("data"))).entrySet()) {
            System.out.printf(Locale.ROOT, "[%s]   step %-20s %.2f s%n", size.name(), step.getKey(),
                    step.getValue().toMillis() / 1000.0);
        }
        night.output().lines().filter(l -> l.contains("not read again") || l.contains("not written again"))
                .findFirst().ifPresent(l -> System.out.println("[" + size.name() + "]   " + l.strip()));
    }

    private record Measured(int exitCode, double seconds, String output) {

        String value(String key) {
            return output.lines().filter(l -> l.startsWith("BENCHMARK " + key + " ")).findFirst()
                    .map(l -> l.substring(("BENCHMARK " + key + " ").length())).orElse("?");
        }
    }

    /** One of the floor's measures ({@link Floor}), in a fresh process on the benchmark's class path. */
    private static Measured floor(List<String> jvmOptions, String... args) throws Exception {
        return java(jvmOptions, System.getProperty("java.class.path"), Floor.class, args);
    }

    private static Measured java(List<String> jvmOptions, String classPath, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(List.of(args));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
            }
        }
        int code = process.waitFor();
        return new Measured(code, (System.nanoTime() - started) / 1e9, output.toString());
    }

    /** A top-level step of the last run: when it began and ended. */
    private record StepTime(String step, Timestamp start, Timestamp end) {

        Duration duration() {
            return Duration.between(start.toLocalDateTime(), end.toLocalDateTime());
        }
    }

    /** The last run's top-level steps (not the partitions), in the order they ran. */
    private static List<StepTime> stepTimes(Path database) throws Exception {
        List<StepTime> steps = new ArrayList<>();
        String url = "jdbc:hsqldb:file:" + database + "/consolidation;shutdown=true;ifexists=true";
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION "
                        + "WHERE STEP_NAME NOT LIKE '%:%' AND JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) "
                        + "FROM BATCH_JOB_EXECUTION) ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                steps.add(new StepTime(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3)));
            }
        }
        return steps;
    }

    private static Map<String, Duration> durations(List<StepTime> steps) {
        Map<String, Duration> durations = new LinkedHashMap<>();
        steps.forEach(step -> durations.put(step.step(), step.duration()));
        return durations;
    }

    /** The CPU used from the registration's start to the import's end. */
    private static CpuTimeline.Window importCpu(List<StepTime> steps, Path cpuSamples) throws IOException {
        Map<String, StepTime> byName = new LinkedHashMap<>();
        steps.forEach(step -> byName.put(step.step(), step));
        return CpuTimeline.between(cpuSamples, byName.get("registerSubmissions").start().getTime(),
                byName.get("importSubmissions").end().getTime());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
