package org.threatanalysis.job;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code consolidation.*}. The folders are normally given on the command line as
 * absolute paths; the job itself reads the input and output folders from its job parameters, so
 * that a restart uses the folders of the run it continues.
 *
 * @param input default input folder
 * @param output default output folder
 * @param database folder of the HSQLDB database (job repository and staging)
 * @param chunkSize rows per chunk transaction in the import step
 * @param importThreads submissions imported in parallel
 */
@ConfigurationProperties("consolidation")
public record ConsolidationProperties(Path input, Path output, Path database, int chunkSize, int importThreads) {

    public ConsolidationProperties {
        if (chunkSize <= 0) {
            chunkSize = 500;
        }
        if (importThreads <= 0) {
            importThreads = 1;
        }
    }

    /** Where POI's streaming writer keeps its temporary files: private to this installation. */
    public Path poiTempFolder() {
        return database.toAbsolutePath().resolve("tmp").resolve("poi");
    }
}
