package org.threatanalysis.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds every regular file below the input folder, in a stable order (by relative path), so
 * that submission ids and the register are the same from one run to the next.
 */
public final class SubmissionDiscovery {

    private SubmissionDiscovery() {
    }

    public static List<Path> discover(Path inputFolder, Set<Path> excludedFolders) throws IOException {
        if (!Files.isDirectory(inputFolder)) {
            throw new IOException("The input folder " + inputFolder + " does not exist or is not a folder.");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(inputFolder)) {
            walk.filter(Files::isRegularFile)
                    .filter(path -> excludedFolders.stream().noneMatch(path::startsWith))
                    .forEach(files::add);
        }
        files.sort(Comparator.comparing(path -> inputFolder.relativize(path).toString().replace('\\', '/')));
        return files;
    }

    /** Why a file is not read at all, or {@code null} when it should be opened as a workbook. */
    public static String ignoreReason(Path inputFolder, Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("~$")) {
            return "Excel lock file (the workbook was open in Excel), not a submission.";
        }
        if (name.startsWith(".")) {
            return "Hidden file, not a submission.";
        }
        for (Path part : inputFolder.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return "File in a hidden folder, not a submission.";
            }
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls"))) {
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "no extension" : "'" + name.substring(dot) + "'";
            return "Not an Excel workbook (" + extension + "); submissions are .xlsx, .xlsm or .xls files.";
        }
        return null;
    }
}
