package org.threatanalysis.submission;

import java.time.LocalDate;

import org.threatanalysis.staging.SubmissionRecord;

/**
 * The validated cover sheet of a submission.
 *
 * @param memberState ISO 3166-1 alpha-2 code of the submitting country
 * @param reportingEntity ISO 3166-2 code of a sub-national reporting entity, or {@code null}
 * @param submitter the code the workbook shows for the submitter: the entity when there is one
 */
public record CoverSheet(String memberState, String reportingEntity, String submitter, String memberStateRaw,
        String entityRaw, int periodFrom, int periodTo, LocalDate submissionDate, int revision,
        String templateVersion) {

    /** The cover sheet as registration recorded it (an accepted submission's record). */
    public static CoverSheet of(SubmissionRecord r) {
        return new CoverSheet(r.memberState(), r.reportingEntity(), r.submitter(), r.memberStateRaw(), r.entityRaw(),
                r.periodFrom(), r.periodTo(), r.submissionDate(), r.revision(), r.templateVersion());
    }

    public boolean covers(int year) {
        return year >= periodFrom && year <= periodTo;
    }

    public String period() {
        return periodFrom == periodTo ? Integer.toString(periodFrom) : periodFrom + "-" + periodTo;
    }
}
