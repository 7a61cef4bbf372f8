package org.threatanalysis.operations;

/**
 * What a run did, in the figures an operator checks in the morning.
 */
public record RunSummary(long runId, long executionId, String status, String exitDescription, int filesAccepted,
        int filesRejected, int filesIgnored, int filesSuperseded, long rowsStaged, long rowsRejected,
        long dataQualityFindings, long reviewEntries, String outputFile, int filesReused, Long workbookCurrentSince) {

    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("Run ").append(runId).append(" (execution ").append(executionId).append(") ").append(status)
                .append(System.lineSeparator());
        s.append("  submissions: ").append(filesAccepted).append(" accepted (").append(filesSuperseded)
                .append(" wholly superseded), ").append(filesRejected).append(" rejected, ").append(filesIgnored)
                .append(" ignored").append(System.lineSeparator());
        if (filesReused > 0) {
            s.append("  unchanged: ").append(filesReused).append(filesReused == 1 ? " submission" : " submissions")
                    .append(" not read again (same file and SHA-256 as the last completed run; their staged rows are read in place)")
                    .append(System.lineSeparator());
        }
        s.append("  rows: ").append(rowsStaged).append(" staged, ").append(rowsRejected).append(" rejected; ")
                .append(dataQualityFindings).append(" data-quality findings, ").append(reviewEntries)
                .append(" modus operandi left for review").append(System.lineSeparator());
        if (outputFile != null) {
            s.append("  workbook: ").append(outputFile);
            if (workbookCurrentSince != null) {
                s.append(" (nothing changed since run ").append(workbookCurrentSince)
                        .append("; the workbook is current and was not written again)");
            }
            s.append(System.lineSeparator());
        }
        if (exitDescription != null && !exitDescription.isBlank() && !"COMPLETED".equals(status)) {
            s.append("  cause: ").append(exitDescription).append(System.lineSeparator());
        }
        return s.toString();
    }
}
