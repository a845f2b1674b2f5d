package dev.relulab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code relulab bench}: micro-benchmarks of the engines, one subcommand per kernel family. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time engine operations and print Markdown tables.",
        subcommands = {BenchActivationsCommand.class, BenchSweepCommand.class, BenchForwardCommand.class,
            BenchMnistEpochCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
