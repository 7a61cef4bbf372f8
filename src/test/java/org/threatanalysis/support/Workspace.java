package org.threatanalysis.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * A throw-away installation for one test: its own input (a copy of the sample submissions),
 * output and database folders, and the command-line options that point at them.
 */
public record Workspace(Path root, Path input, Path output, Path database) {

    public static final Path SAMPLE_INPUT = Path.of("input").toAbsolutePath();

    public static Workspace withSampleInput(Path root) throws IOException {
        Workspace workspace = empty(root);
        copyTree(SAMPLE_INPUT, workspace.input());
        return workspace;
    }

    public static Workspace empty(Path root) throws IOException {
        Workspace workspace = new Workspace(root, root.resolve("input"), root.resolve("output"), root.resolve("data"));
        Files.createDirectories(workspace.input());
        return workspace;
    }

    /** Makes the output folder read-only, so that writing the workbook fails, or writable again. */
    public void outputWritable(boolean writable) throws IOException {
        Files.createDirectories(output);
        Files.setPosixFilePermissions(output, PosixFilePermissions.fromString(writable ? "rwxr-xr-x" : "r-xr-xr-x"));
    }

    public String[] runArgs(String... extra) {
        String[] base = {"run", "--input=" + input, "--output=" + output, "--database=" + database};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    public CliRun run(String... extra) {
        return CliRun.of(runArgs(extra));
    }

    public CliRun restart(String... extra) {
        String[] all = new String[extra.length + 2];
        all[0] = "restart";
        all[1] = "--database=" + database;
        System.arraycopy(extra, 0, all, 2, extra.length);
        return CliRun.of(all);
    }

    public CliRun status() {
        return CliRun.of("status", "--database=" + database);
    }

    public Path workbook() throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xlsx")).findFirst()
                    .orElseThrow(() -> new AssertionError("No workbook in " + output));
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
