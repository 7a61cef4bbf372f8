package org.threatanalysis.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project folder the default input, output and database folders live in: the folder that
 * holds {@code target/} when run from the built jar or classes, so that a scheduler that starts
 * the jar from another working directory still finds them; otherwise the working directory.
 */
final class ProjectHome {

    private ProjectHome() {
    }

    static Path find() {
        try {
            Path code = Path.of(ProjectHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = Files.isDirectory(code) ? code.getParent() : code.getParent();
            if (folder != null && folder.getFileName() != null && folder.getFileName().toString().equals("target")) {
                return folder.getParent().toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
