package dev.relulab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * The configured picocli command line. Bad input (an unknown option, a value that does not parse or is out of its
 * range) prints one line naming the option and what it allows, a pointer to the command's --help, and exits with
 * {@link Main#EXIT_USAGE}; an unknown option also gets the nearest known one. A file that cannot be written or read
 * is one line and exit 1; anything else is an internal error: exit 1 with the command line, and no usage hint.
 */
final class Cli {
    static final int EXIT_FAILURE = 1;

    private Cli() {}

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("relulab: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException) {
                var suggestions = ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
                if (!suggestions.isEmpty()) err.println("Did you mean " + String.join(" or ", suggestions) + "?");
            }
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return Main.EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            PrintWriter err = c.getErr();
            if (ex instanceof UsageError) {
                err.println("relulab: " + ex.getMessage());
                return Main.EXIT_USAGE;
            }
            if (ex instanceof UncheckedIOException || ex instanceof IOException) {
                Throwable io = ex instanceof UncheckedIOException ? ex.getCause() : ex;
                String context = ex instanceof UncheckedIOException && ex.getMessage() != null
                        && !ex.getMessage().equals(io.toString()) ? ex.getMessage() + ": " : "";
                err.println("relulab: file error: " + context + (io.getMessage() == null ? io : io.getMessage()));
                return EXIT_FAILURE;
            }
            internalError(err, ex);
            return EXIT_FAILURE;
        });
        return cl;
    }

    /** The report of a bug: what was thrown, where, and the command line that made it; never a usage hint. */
    static void internalError(PrintWriter err, Throwable ex) {
        err.println("relulab: internal error: " + ex);
        err.println("  command: " + Invocation.commandLine());
        StackTraceElement[] st = ex.getStackTrace();
        for (int i = 0; i < Math.min(st.length, 8); i++) err.println("  at " + st[i]);
        err.println("  (please report it with the command above)");
        err.flush();
    }
}
