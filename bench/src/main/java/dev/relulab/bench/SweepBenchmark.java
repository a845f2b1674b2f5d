package dev.relulab.bench;

import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.metrics.CollapseSummary;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.Progress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole lu2019 collapse sweep (1000 networks: initialisation, 2 epochs, every probe and test pass) on the CPU
 * engine with all cores, as {@code relulab collapse --preset lu2019 --engine cpu} runs it without the JVM start.
 * One call is one sweep; about 15 s in all.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@State(Scope.Benchmark)
public class SweepBenchmark {
    CollapseExperiment experiment;
    CpuEngine engine;

    @Setup(Level.Trial)
    public void setup() {
        experiment = new CollapseExperiment(CollapseSettings.preset("lu2019"));
        engine = new CpuEngine();
        EnsembleResult r = experiment.run(engine, Progress.silent(1));
        double exact = new CollapseSummary(r).exact.fraction;
        if (!(exact > 0.85 && exact < 0.99)) {
            throw new IllegalStateException("lu2019 exact collapse " + exact + " outside [0.85, 0.99]: not the sweep");
        }
    }

    @Benchmark
    public EnsembleResult lu2019Sweep1000() {
        return experiment.run(engine, Progress.silent(1));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }
}
