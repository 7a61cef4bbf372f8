package org.threatanalysis.job;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.threatanalysis.normalisation.MatchingThresholds;
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
 * @param importThreads submissions imported in parallel, and files read at a time at registration
 * @param writeThreads large sheets of the workbook written at a time (the three data sheets and the review
 *        sheet); all four by default, whatever the cores: their lengths differ, and with fewer threads one
 *        core waits at the end while the longest pair finishes
 * @param budget limits on what one submission file may make the job read ({@code consolidation.budget.*})
 * @param minFreeDisk free space required on the database's and the output's volume before writing
 * @param matching thresholds of the scored modus-operandi matcher
 * @param sheetRowLimit rows of one sheet of the workbook, header included, before a data sheet
 *     continues on the next ("Indicators (2)"); Excel's limit by default
 */
@ConfigurationProperties("consolidation")
public record ConsolidationProperties(Path input, Path output, Path database, int chunkSize, int importThreads,
        int writeThreads, ReadingBudget budget, DataSize minFreeDisk, Matching matching, int sheetRowLimit) {

    /**
     * @param threshold lowest score a scored MO match is accepted with (below: unmatched, for review)
     * @param margin how far the best MO code must lead the second best to be accepted
     * @param reviewBelow scored matches below this confidence are listed for review as well
     */
    public record Matching(Double threshold, Double margin, Double reviewBelow) {

        public Matching {
            threshold = threshold == null ? MatchingThresholds.DEFAULT_THRESHOLD : threshold;
            margin = margin == null ? MatchingThresholds.DEFAULT_MARGIN : margin;
            reviewBelow = reviewBelow == null ? MatchingThresholds.DEFAULT_REVIEW_BELOW : reviewBelow;
        }
    }

    public ConsolidationProperties {
        if (budget == null) {
            budget = ReadingBudget.defaults();
        }
        if (minFreeDisk == null || minFreeDisk.isNegative()) {
            minFreeDisk = DataSize.ofMegabytes(64);
        }
        if (matching == null) {
            matching = new Matching(null, null, null);
        }
        if (sheetRowLimit <= 1 || sheetRowLimit > 1_048_576) {
            sheetRowLimit = 1_048_576;
        }
        if (chunkSize <= 0) {
            chunkSize = 500;
        }
        if (importThreads <= 0) {
            importThreads = 1;
        }
        if (writeThreads <= 0) {
            writeThreads = 1;
        }
    }

    /** Where POI's streaming writer keeps its temporary files: private to this installation. */
    public Path poiTempFolder() {
        return database.toAbsolutePath().resolve("tmp").resolve("poi");
    }
}
