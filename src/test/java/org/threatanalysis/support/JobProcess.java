package org.threatanalysis.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application started as a separate JVM with the test classpath (so test-only profiles are
 * available), its output captured in files under the given folder.
 */
public final class JobProcess {

    private final Process process;
    private final Path out;
    private final Path err;

    private JobProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java [systemProperties] org.threatanalysis.ConsolidationApplication args}. */
    public static JobProcess start(Path logs, String name, List<String> systemProperties, String... args)
            throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(systemProperties);
        command.add("org.threatanalysis.ConsolidationApplication");
        command.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new JobProcess(process, out, err);
    }

    /** Waits for the process to end (at most the timeout) and returns its exit code. */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The process did not end within " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no clean-up, as a power loss or kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    public String output() {
        return "--- out ---\n" + out() + "\n--- err ---\n" + err();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
