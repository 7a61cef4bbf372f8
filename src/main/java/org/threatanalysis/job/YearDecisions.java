package org.threatanalysis.job;

import org.threatanalysis.staging.StagingRepository;
import org.threatanalysis.submission.Supersession;

/**
 * Decides, year by year, which of a run's accepted submissions stands ({@link Supersession}) and
 * records it: at registration, and again once the import is done, because the import rejects a
 * file that breaks the reading budget, and a revision rejected there must not hide the one before.
 */
final class YearDecisions {

    private YearDecisions() {
    }

    /** Replaces the run's decisions; in the caller's transaction. Returns the superseded submission-years. */
    static int decide(StagingRepository staging, long runId) {
        staging.deleteSubmissionYears(runId);
        int superseded = 0;
        for (Supersession.YearDecision decision : Supersession.decideAccepted(staging.submissions(runId))) {
            staging.insertSubmissionYear(runId, decision.submissionId(), decision.year(),
                    decision.standing() ? "STANDING" : "SUPERSEDED", decision.supersededBy());
            superseded += decision.standing() ? 0 : 1;
        }
        return superseded;
    }
}
