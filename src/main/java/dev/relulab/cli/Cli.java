package dev.relulab.cli;

import picocli.CommandLine;

/**
 * The configured picocli command line: bad input (an unknown option, a value that does not parse, a value out of its
 * range) prints one line naming the option and what it allows, and exits with {@link Main#EXIT_USAGE}.
 */
final class Cli {
    private Cli() {}

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("relulab: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'relulab " + ex.getCommandLine().getCommandName()
                    + " --help' for the options.");
            return Main.EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof UsageError || ex instanceof IllegalArgumentException) {
                c.getErr().println("relulab: " + ex.getMessage());
                return Main.EXIT_USAGE;
            }
            throw ex;
        });
        return cl;
    }
}
