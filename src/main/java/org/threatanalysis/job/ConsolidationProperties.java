package org.threatanalysis.job;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.threatanalysis.reading.ReadingBudget;

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
 * @param budget limits on what one submission file may make the job read ({@code consolidation.budget.*})
 * @param minFreeDisk free space required on the database's and the output's volume before writing
 */
@ConfigurationProperties("consolidation")
public record ConsolidationProperties(Path input, Path output, Path database, int chunkSize, int importThreads,
        ReadingBudget budget, DataSize minFreeDisk) {

    public ConsolidationProperties {
        if (budget == null) {
            budget = ReadingBudget.defaults();
        }
        if (minFreeDisk == null || minFreeDisk.isNegative()) {
            minFreeDisk = DataSize.ofMegabytes(64);
        }
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
