package dev.relulab.bench;

import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.train.EnsembleResult;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.Progress;
import java.util.Arrays;
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
 * The lu2019 sweep of 1000 networks on one CPU thread, through the CPU fused trainer and through the op-by-op
 * reference; the fused trainer also in a JVM with C2's superword pass off ({@code -XX:-UseSuperWord}), so the gap
 * between the two fused rows is what SIMD across networks buys. Setup checks that both paths give the same
 * per-network results before anything is timed. Twenty warm-up sweeps: C2 needs about fifteen to finish compiling
 * the trainer's loops.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 20)
@Measurement(iterations = 10)
@State(Scope.Benchmark)
public class FusedTrainerBenchmark {
    CollapseExperiment experiment;
    CpuEngine engine;
    EnsembleTrainer trainer;

    @Setup(Level.Trial)
    public void setup() {
        experiment = new CollapseExperiment(CollapseSettings.preset("lu2019"));
        engine = new CpuEngine(1);
        trainer = new EnsembleTrainer(engine);
        EnsembleResult fused = fused(), reference = opByOp();
        if (!Arrays.equals(fused.finalLoss, reference.finalLoss) || !Arrays.equals(fused.exact, reference.exact)) {
            throw new IllegalStateException("the fused trainer and the op-by-op path disagree: not the same sweep");
        }
    }

    @Benchmark
    public EnsembleResult fused() {
        return trainer.train(experiment.config, experiment.data, Progress.silent(1));
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-XX:-UseSuperWord")
    public EnsembleResult fusedWithoutSuperWord() {
        return fused();
    }

    @Benchmark
    @Measurement(iterations = 5)
    public EnsembleResult opByOp() {
        return trainer.opByOp().train(experiment.config, experiment.data, Progress.silent(1));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }
}
