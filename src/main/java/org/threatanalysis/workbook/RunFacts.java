package org.threatanalysis.workbook;

/** Counts about the run shown at the top of the overview; none depends on the clock. */
record RunFacts(int accepted, int rejected, int ignored, int partlySuperseded, int whollySuperseded,
        long rowsConsolidated, long dataQualityFindings, long reviewEntries, String referenceFingerprint,
        String continuedSheets) {
}
