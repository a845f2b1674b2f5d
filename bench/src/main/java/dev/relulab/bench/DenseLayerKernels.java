package dev.relulab.bench;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import java.util.SplittableRandom;
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
 * Fused dense + bias + activation, forward and backward, through {@link Engine#denseForward} and
 * {@link Engine#denseBackward} of a one-thread CPU engine at two shapes: narrow (2x2 layers of E = 100,000 networks,
 * batch 1: a hidden layer of Lu et al.'s ensembles, so dX is computed) and wide (784x128, batch 256, one network: the
 * input layer of an MNIST MLP, so no dX). 12 benchmarks of 10 to 15 s each (fork, 8 s timed, validation).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DenseLayerKernels {
    /** The activations of the seed's speed claims (ReLU 1.0x, Leaky ReLU 1.1x, ELU 1.5x). */
    @Param({"relu", "leaky_relu", "elu"})
    public String activation;

    @Param({"narrow", "wide"})
    public String shape;

    int E, B, nIn, nOut;
    Activation act;
    Engine eng;
    Buffer x, w, b, z, a, dA, dW, db, dX;
    float[] hostX, hostW, hostB, hostDA;

    @Setup(Level.Trial)
    public void setup() {
        act = Activation.parse(activation);
        switch (shape) {
            case "narrow": E = 100_000; B = 1; nIn = 2; nOut = 2; break;
            case "wide": E = 1; B = 256; nIn = 784; nOut = 128; break;
            default: throw new IllegalArgumentException("shape=" + shape + " must be narrow or wide");
        }
        eng = new CpuEngine(1);
        SplittableRandom rng = new SplittableRandom(11);
        hostX = random(rng, E * B * nIn, 1f);
        hostW = random(rng, E * nOut * nIn, (float) Math.sqrt(6.0 / nIn));
        hostB = random(rng, E * nOut, 0.1f);
        hostDA = random(rng, E * B * nOut, 1f);
        x = upload(hostX);
        w = upload(hostW);
        b = upload(hostB);
        dA = upload(hostDA);
        z = eng.floats((long) E * B * nOut);
        a = eng.floats((long) E * B * nOut);
        dW = eng.floats((long) E * nOut * nIn);
        db = eng.floats((long) E * nOut);
        dX = shape.equals("narrow") ? eng.floats((long) E * B * nIn) : null;
        validate();
    }

    /** Checks z and a against a plain loop (same order of math, so exact) and that backward writes finite values. */
    private void validate() {
        eng.fill(z, Float.NaN, (long) E * B * nOut);
        eng.fill(a, Float.NaN, (long) E * B * nOut);
        forward();
        float[] gotZ = new float[E * B * nOut], gotA = new float[E * B * nOut];
        eng.read(z, gotZ, gotZ.length);
        eng.read(a, gotA, gotA.length);
        float[] wantZ = new float[gotZ.length];
        for (int e = 0; e < E; e++) {
            for (int s = 0; s < B; s++) {
                for (int j = 0; j < nOut; j++) {
                    float acc = hostB[e * nOut + j];
                    for (int k = 0; k < nIn; k++) {
                        acc += hostW[(e * nOut + j) * nIn + k] * hostX[(e * B + s) * nIn + k];
                    }
                    wantZ[(e * B + s) * nOut + j] = acc;
                }
            }
        }
        Check.close("dense forward z " + shape, k -> wantZ[k], gotZ, gotZ.length, 0f, 0f);
        Check.close("dense forward a " + activation, k -> act.value(wantZ[k], act.defaultAlpha), gotA, gotA.length,
                0f, 0f);
        resetGradient();
        backward();
        float[] gotDW = new float[E * nOut * nIn];
        eng.read(dW, gotDW, gotDW.length);
        Check.finite("dense backward dW " + shape, gotDW, gotDW.length);
    }

    void resetGradient() {
        eng.write(dA, hostDA, hostDA.length);
    }

    /** The backward pass turns dA into dz in place, so dA is restored before every call. */
    @State(Scope.Thread)
    public static class Gradient {
        @Setup(Level.Invocation)
        public void reset(DenseLayerKernels k) {
            k.resetGradient();
        }
    }

    @Benchmark
    public void forward() {
        eng.denseForward(E, B, nIn, nOut, x, w, b, act, act.defaultAlpha, null, z, a, null);
    }

    @Benchmark
    public void backward(Gradient restored) {
        backward();
    }

    private void backward() {
        eng.denseBackward(E, B, nIn, nOut, x, w, z, act, act.defaultAlpha, null, dA, dW, db, null, dX);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (Buffer buf : new Buffer[] {x, w, b, z, a, dA, dW, db, dX}) if (buf != null) buf.close();
        eng.close();
    }

    private Buffer upload(float[] host) {
        Buffer buf = eng.floats(host.length);
        eng.write(buf, host, host.length);
        return buf;
    }

    private static float[] random(SplittableRandom rng, int n, float scale) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) v[k] = (float) rng.nextDouble(-scale, scale);
        return v;
    }
}
