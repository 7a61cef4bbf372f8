package org.threatanalysis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The job's Spring application: its configuration, found by scanning this package. Each command of
 * {@link ConsolidationApplication} starts a context of it.
 *
 * <p>The build prepares the context ahead of time (Spring AOT, the {@code process-aot} goal): it
 * runs this class's {@code main}, which only loads the context, and writes its bean definitions as
 * code, {@code ConsolidationContext__ApplicationContextInitializer}. With
 * {@code -Dspring.aot.enabled=true} (target/jvm.options) a start uses that code instead of parsing
 * the configuration classes and evaluating the auto-configurations' conditions.
 */
@SpringBootApplication
public class ConsolidationContext {

    /** Starts the context alone (what AOT processing runs); commands start it through the CLI. */
    public static void main(String[] args) {
        SpringApplication.run(ConsolidationContext.class, args).close();
    }
}
