package org.threatanalysis.job;

import org.threatanalysis.normalisation.MatchingThresholds;

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
 * @param matching thresholds of the scored modus-operandi matcher
 */
@ConfigurationProperties("consolidation")
public record ConsolidationProperties(Path input, Path output, Path database, int chunkSize, int importThreads,
        Matching matching) {

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
        if (matching == null) {
            matching = new Matching(null, null, null);
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
