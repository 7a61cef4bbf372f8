package org.threatanalysis.job;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;

/**
 * A listener the job adds to every one of its steps (and to each import partition): every bean
 * of this type in the context is registered. Production has the progress log
 * ({@link ImportProgress}) and the checkpoint between steps ({@link CheckpointBetweenSteps}); tests
 * add planned failures through a test-only profile.
 */
public interface ConsolidationStepListener
        extends StepExecutionListener, ChunkListener<Object, Object>, ItemWriteListener<Object> {
}
