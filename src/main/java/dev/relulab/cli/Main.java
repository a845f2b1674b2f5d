package dev.relulab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code relulab} command: one subcommand per experiment, benchmark and tool. */
@Command(name = "relulab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train ensembles of small networks at once and measure how their ReLU units die.",
        subcommands = {
            CommandLine.HelpCommand.class,
            CollapseCommand.class,
            MergeCommand.class,
            BenchCommand.class,
            ConstantInitCommand.class,
            VariantsCommand.class,
            ScorecardCommand.class,
            MnistLrCommand.class,
            ActivationsCommand.class,
            VanishingCommand.class,
            SelftestCommand.class,
            DevicesCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit code for bad input: an option with a value outside what it allows. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        Invocation.set(args);
        CommandLine cl = Cli.commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println("relulab: out of memory (heap limit " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB): " + Invocation.commandLine() + " needs more than planned; please report it");
            cl.getErr().flush();
            return Cli.EXIT_FAILURE;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
