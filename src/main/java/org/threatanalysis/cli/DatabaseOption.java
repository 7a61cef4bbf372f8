package org.threatanalysis.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --database} option shared by every command. */
final class DatabaseOption {

    @Option(names = "--database", paramLabel = "DIR",
            description = "Folder of the embedded database (job history and staging). Default: data/ in the project folder.")
    Path database;

    Path resolve() {
        return (database != null ? database : ProjectHome.find().resolve("data")).toAbsolutePath().normalize();
    }
}
