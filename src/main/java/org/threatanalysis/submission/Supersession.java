package org.threatanalysis.submission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.threatanalysis.staging.SubmissionRecord;

/**
 * Decides, year by year, which submission stands for each submitter (member state or entity):
 * the highest revision, then the latest submission date, then the later file path (so the
 * decision never depends on the order files were found). The others are superseded for that
 * year and stay visible as such.
 */
public final class Supersession {

    /** A candidate: an accepted submission and its cover sheet. */
    public record Candidate(int submissionId, String relativePath, CoverSheet cover) {
    }

    /** The decision for one submission and one year of its period. */
    public record YearDecision(int submissionId, int year, boolean standing, Integer supersededBy) {
    }

    private static final Comparator<Candidate> PRECEDENCE = Comparator
            .comparingInt((Candidate c) -> c.cover().revision())
            .thenComparing(c -> c.cover().submissionDate())
            .thenComparing(Candidate::relativePath);

    private Supersession() {
    }

    /** The decisions over a run's accepted submissions, as registered. */
    public static List<YearDecision> decideAccepted(List<SubmissionRecord> submissions) {
        List<Candidate> candidates = new ArrayList<>();
        for (SubmissionRecord submission : submissions) {
            if (SubmissionStatus.ACCEPTED.name().equals(submission.status())) {
                candidates.add(new Candidate(submission.submissionId(), submission.relativePath(),
                        CoverSheet.of(submission)));
            }
        }
        return decide(candidates);
    }

    public static List<YearDecision> decide(List<Candidate> candidates) {
        Map<String, Candidate> standing = new HashMap<>();
        for (Candidate candidate : candidates) {
            for (int year = candidate.cover().periodFrom(); year <= candidate.cover().periodTo(); year++) {
                standing.merge(candidate.cover().submitter() + "/" + year, candidate,
                        (a, b) -> PRECEDENCE.compare(a, b) >= 0 ? a : b);
            }
        }
        List<YearDecision> decisions = new ArrayList<>();
        for (Candidate candidate : candidates) {
            for (int year = candidate.cover().periodFrom(); year <= candidate.cover().periodTo(); year++) {
                Candidate winner = standing.get(candidate.cover().submitter() + "/" + year);
                boolean stands = winner.submissionId() == candidate.submissionId();
                decisions.add(new YearDecision(candidate.submissionId(), year, stands,
                        stands ? null : winner.submissionId()));
            }
        }
        return decisions;
    }
}
