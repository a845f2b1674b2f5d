package dev.relulab.bench;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.random.Purpose;
import dev.relulab.random.RandomStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole training step of Lu et al. (2019)'s deep narrow ensembles, as engine operations in the order of {@code
 * ChunkTrainer}, with the lu2019 preset's configuration (glorot uniform, zero biases, sgd at 0.01, |x| on
 * [-sqrt 7, sqrt 7]) and the activation as parameter: minibatch of points, 11 dense forwards (1-2-...-2-1), MSE loss,
 * 11 dense backwards, sgd on every weight and bias. One chunk of E = 1000 networks, batch 64, on a one-thread CPU
 * engine (the trainer runs one such chunk per core). 3 benchmarks of 10 to 15 s each (fork, 8 s timed, validation).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class TrainingStepKernels {
    private static final int E = 1000, B = 64, WIDTH = 2, DEPTH = 10;
    /** Training-set size; the work of one step does not depend on it. */
    private static final int POINTS = 3000;
    private static final CollapseSettings PRESET = CollapseSettings.preset("lu2019");
    private static final float LO = -PRESET.xRange, HI = PRESET.xRange;
    private static final long SEED = PRESET.seed;

    @Param({"relu", "leaky_relu", "elu"})
    public String activation;

    Engine eng;
    Architecture arch;
    Optimizer opt;
    int L, t;
    Buffer[] w, b, dW, db, wM, wV, bM, bV, z, act, dA;
    Buffer y, lossLast, lossSum, diverged, lr;
    private final List<Buffer> all = new ArrayList<>();

    @Setup(Level.Trial)
    public void setup() {
        Activation hidden = Activation.parse(activation);
        arch = Architecture.mlp(1, WIDTH, DEPTH, 1, hidden, hidden.defaultAlpha, Loss.MSE, PRESET.init,
                PRESET.biasInit);
        opt = Optimizer.of(PRESET.optimizer);
        eng = new CpuEngine(1);
        L = arch.layers();
        allocate();
        initialise();
        step();
        float[] loss = new float[E];
        eng.read(lossLast, loss, E);
        Check.finite("lu2019 step loss", loss, E);
        int[] div = new int[E];
        eng.readInts(diverged, div, E);
        if (Arrays.stream(div).anyMatch(d -> d != 0)) throw new IllegalStateException("a network diverged in step 1");
    }

    @Benchmark
    public void step() {
        int steps = (POINTS + B - 1) / B, s = t % steps;
        int start = s * B, batch = Math.min(B, POINTS - start);
        eng.functionPoints(FunctionTarget.ABS, LO, HI, SEED, 0, E, Purpose.TRAIN_POINTS, POINTS, start, batch,
                t / steps, act[0], y);
        for (int l = 1; l <= L; l++) {
            eng.denseForward(E, batch, arch.width(l - 1), arch.width(l), act[l - 1], w[l], b[l], arch.activation(l),
                    arch.alpha, null, z[l], act[l], null);
        }
        eng.loss(arch.loss, E, batch, 1, act[L], y, dA[L], lossLast, lossSum, diverged);
        for (int l = L; l >= 1; l--) {
            eng.denseBackward(E, batch, arch.width(l - 1), arch.width(l), act[l - 1], w[l], z[l], arch.activation(l),
                    arch.alpha, null, dA[l], dW[l], db[l], null, l > 1 ? dA[l - 1] : null);
        }
        float correction = opt.biasCorrection(++t);
        for (int l = 1; l <= L; l++) {
            long nOut = arch.width(l), nIn = arch.width(l - 1);
            eng.optimizerStep(opt, E, nOut * nIn, w[l], dW[l], wM[l], wV[l], lr, correction, diverged);
            eng.optimizerStep(opt, E, nOut, b[l], db[l], bM[l], bV[l], lr, correction, diverged);
        }
    }

    private void allocate() {
        w = new Buffer[L + 1]; b = new Buffer[L + 1]; dW = new Buffer[L + 1]; db = new Buffer[L + 1];
        wM = new Buffer[L + 1]; wV = new Buffer[L + 1]; bM = new Buffer[L + 1]; bV = new Buffer[L + 1];
        z = new Buffer[L + 1]; act = new Buffer[L + 1]; dA = new Buffer[L + 1];
        act[0] = floats((long) E * B * arch.inputs());
        for (int l = 1; l <= L; l++) {
            long n = arch.width(l), wn = n * arch.width(l - 1);
            w[l] = floats(E * wn); dW[l] = floats(E * wn);
            b[l] = floats(E * n); db[l] = floats(E * n);
            z[l] = floats(E * B * n);
            act[l] = l == L ? z[l] : floats(E * B * n);
            dA[l] = floats(E * B * n);
        }
        y = floats((long) E * B);
        lossLast = floats(E);
        lossSum = floats(E);
        lr = floats(E);
        diverged = eng.ints(E);
        all.add(diverged);
    }

    private void initialise() {
        for (int l = 1; l <= L; l++) {
            int nIn = arch.width(l - 1), nOut = arch.width(l);
            float[] wh = new float[E * nOut * nIn], bh = new float[E * nOut];
            for (int e = 0; e < E; e++) {
                arch.weightInit(l).fillWeights(wh, e * nOut * nIn, bh, e * nOut, nIn, nOut,
                        new RandomStream(SEED, e, Purpose.WEIGHTS, l));
            }
            eng.write(w[l], wh, wh.length);
            eng.write(b[l], bh, bh.length);
        }
        eng.fill(lr, PRESET.lr, E);
    }

    private Buffer floats(long n) {
        Buffer buf = eng.floats(n);
        all.add(buf);
        return buf;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (Buffer buf : all) buf.close();
        eng.close();
    }
}
