package org.threatanalysis.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.threatanalysis.ConsolidationContext;

/** Starts the Spring context for one command, on the database folder the command was given. */
final class ApplicationContexts {

    private ApplicationContexts() {
    }

    static ConfigurableApplicationContext start(Path database, Map<String, Object> extra) {
        startPlatformMBeanServer();
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("consolidation.database", database.toAbsolutePath().normalize().toString());
        // Passed as command-line arguments: they outrank application.properties, default properties do not.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        // main(...): the class the AOT initializer is named after, whichever class started the process
        return new SpringApplicationBuilder(ConsolidationContext.class)
                .main(ConsolidationContext.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(arguments);
    }

    /**
     * Starts the JVM's platform MBean server on another thread while Spring starts. The connection
     * pool's classes (Commons DBCP) fetch it when they load, JMX or not, and starting it takes
     * about 0.2 s of a cold JVM: a twentieth of a night with nothing new, spent waiting otherwise.
     */
    private static void startPlatformMBeanServer() {
        Thread thread = new Thread(ManagementFactory::getPlatformMBeanServer, "platform-mbean-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** True when the failure is HSQLDB's file lock: another process has the database open. */
    static boolean isDatabaseLocked(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("lockFile")
                    || message != null && message.contains("Database lock acquisition failure")) {
                return true;
            }
        }
        return false;
    }
}
