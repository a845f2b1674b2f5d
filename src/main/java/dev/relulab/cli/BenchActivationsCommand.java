package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.Engines;
import dev.relulab.perf.ActivationBench;
import dev.relulab.perf.ActivationRow;
import dev.relulab.perf.ActivationTable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code relulab bench activations}: forward and backward of every activation over N elements on every engine that
 * opens (engines that do not are listed with the reason), timed through the Engine interface; prints a Markdown
 * table per engine.
 */
@Command(name = "activations", mixinStandardHelpOptions = true,
        description = {"Time every activation's forward and backward dense call on each engine; Markdown to stdout.",
            "Defaults: " + ActivationBench.DEFAULT_WARMUP + " warm-up runs, " + ActivationBench.DEFAULT_REPEATS
                    + " timed runs."})
public final class BenchActivationsCommand implements Runnable {
    /** Elements per call on the CPU when --elements is not given. */
    public static final int DEFAULT_CPU_ELEMENTS = 4 << 20;
    /** Elements per call on a GPU when --elements is not given: large enough to hide the launch cost. */
    public static final int DEFAULT_GPU_ELEMENTS = 16 << 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--elements", paramLabel = "N",
            description = "Elements per call (default: " + DEFAULT_GPU_ELEMENTS + " on a GPU, "
                    + DEFAULT_CPU_ELEMENTS + " on the CPU engine and OpenCL CPU devices such as PoCL).")
    Integer elements;

    @Option(names = "--engines", split = ",", paramLabel = "KIND",
            converter = EngineKindConverter.class,
            description = "Engines to try, comma separated: cpu, cuda, opencl (default: cpu,cuda,opencl); each that"
                    + " does not open is listed with the reason.")
    List<EngineKind> engines;

    @Option(names = "--engine", paramLabel = "KIND", converter = Converters.EngineKindConverter.class,
            description = "One engine, as the other commands take it: auto, cpu, cuda or opencl; one that does not"
                    + " open is an error. Not with --engines.")
    EngineKind engine;

    @Mixin
    BenchRuns runs;

    private int warmup, repeats;

    /** Parses engine names for picocli. */
    static final class EngineKindConverter implements CommandLine.ITypeConverter<EngineKind> {
        @Override
        public EngineKind convert(String value) {
            EngineKind k = EngineKind.parse(value);
            if (k == EngineKind.AUTO) {
                throw new CommandLine.TypeConversionException("name the engines; auto is not allowed");
            }
            return k;
        }
    }

    @Override
    public void run() {
        if (elements != null && elements < 1) throw new UsageError("--elements=" + elements + " must be at least 1");
        if (engine != null && engines != null) throw new UsageError("--engine and --engines: give one of them");
        warmup = runs.warmup(ActivationBench.DEFAULT_WARMUP);
        repeats = runs.repeats(ActivationBench.DEFAULT_REPEATS);
        String report = report();
        runs.emit(spec, report);
    }

    private String report() {
        StringBuilder md = new StringBuilder();
        md.append("# relulab bench activations\n\n");
        md.append(String.format(Locale.ROOT, "relulab %s, %s UTC, %s %s, %d logical CPUs; %d warm-up and %d timed"
                        + " runs per cell, median.%n%n", VersionProvider.version(), LocalDate.now(ZoneOffset.UTC),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), warmup, repeats));
        Engines.Options options = new Engines.Options();
        options.cpuThreads = 1;
        if (engine != null) {
            try (Engine e = Engines.open(engine, options, spec.commandLine().getErr()::println)) {
                table(e, md);
            } catch (EngineUnavailableException e) {
                throw new UsageError("--engine " + engine.cliName() + ": " + e.getMessage());
            }
        }
        for (EngineKind kind : engine != null ? List.<EngineKind>of() : engines != null ? engines
                : List.of(EngineKind.CPU, EngineKind.CUDA, EngineKind.OPENCL)) {
            try (Engine e = Engines.open(kind, options, line -> { })) {
                table(e, md);
            } catch (EngineUnavailableException | LinkageError e) {
                md.append(String.format("## %s: skipped (%s)%n%n", kind.cliName(), e.getMessage()));
            }
        }
        md.append(ActivationTable.NOTES).append('\n');
        return md.toString();
    }

    private void table(Engine e, StringBuilder md) {
        int n = elements != null ? elements : e.onGpu() ? DEFAULT_GPU_ELEMENTS : DEFAULT_CPU_ELEMENTS;
        List<ActivationRow> rows = ActivationBench.run(e, n, warmup, repeats, spec.commandLine().getErr()::println);
        md.append(String.format(Locale.ROOT, "## %s: %s, N = %d%n%nTimed by %s.%n%n", e.kind().cliName(),
                e.deviceName(), n, e.timerName()));
        md.append(ActivationTable.markdown(rows, n)).append('\n');
    }
}
