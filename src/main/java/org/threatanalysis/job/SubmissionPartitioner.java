package org.threatanalysis.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.threatanalysis.staging.StagingRepository;
import org.threatanalysis.staging.SubmissionRecord;

/**
 * One partition per accepted submission that was not copied from the last completed run (see
 * {@link RegisterSubmissionsTasklet}). Partition names are stable ({@code submission-7}), so a
 * restarted import re-runs only the partitions that had not completed.
 */
class SubmissionPartitioner implements Partitioner {

    static final String SUBMISSION_ID = "submission.id";

    private final StagingRepository staging;
    private final long runId;

    SubmissionPartitioner(StagingRepository staging, long runId) {
        this.staging = staging;
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        java.util.Set<Integer> reused = staging.reusedSubmissions(runId);
        for (SubmissionRecord submission : staging.submissions(runId)) {
            if ("ACCEPTED".equals(submission.status()) && !reused.contains(submission.submissionId())) {
                ExecutionContext context = new ExecutionContext();
                context.putInt(SUBMISSION_ID, submission.submissionId());
                // For the operator: the progress log and `status` name the file, not only the partition.
                context.putString(ConsolidationJobConfiguration.PARTITION_FILE, submission.relativePath());
                partitions.put("submission-" + submission.submissionId(), context);
            }
        }
        return partitions;
    }
}
