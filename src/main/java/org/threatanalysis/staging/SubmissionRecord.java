package org.threatanalysis.staging;

import java.time.LocalDate;

/** One file of the submissions register as staged. Cover-sheet fields are null unless accepted. */
public record SubmissionRecord(int submissionId, String relativePath, Long sizeBytes, String fingerprint,
        String status, String reason, String memberState, String reportingEntity, String submitter,
        String memberStateRaw, String entityRaw, Integer periodFrom, Integer periodTo, LocalDate submissionDate,
        Integer revision, String templateVersion) {
}
