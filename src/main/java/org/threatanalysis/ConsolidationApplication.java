package org.threatanalysis;

import org.threatanalysis.cli.ConsolidationCli;

/**
 * Entry point. The command line is parsed first; each command then starts a Spring context
 * ({@link ConsolidationContext}) of its own. The process exit code is the command's, so schedulers can act on it.
 */
public class ConsolidationApplication {

    public static void main(String[] args) {
        System.exit(ConsolidationCli.execute(args));
    }
}
