package dev.relulab.engine.opencl;

import static org.junit.jupiter.api.Assertions.fail;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.cpu.CpuEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared by the OpenCL parity tests: one engine per test JVM (the driver builds the program once), skipping with a
 * one-line reason when no OpenCL device opens; random inputs, NaN-poisoned outputs, and the tolerance check
 * |got - want| <= atol + rtol |want| that prints the seed and the first mismatches.
 */
final class OpenClTestSupport {
    /** DESIGN.md: float32 elementwise work. */
    static final double RTOL_ELEMENTWISE = 1e-5;
    /** DESIGN.md: reductions and products. */
    static final double RTOL_REDUCTION = 1e-4;

    private static DeviceEngine engine;
    private static String unavailable, buildFailure;

    private OpenClTestSupport() {}

    /** The shared engine; skips the calling test when none opens. */
    static synchronized DeviceEngine engine() {
        if (engine == null && unavailable == null) {
            try {
                engine = (DeviceEngine) OpenClEngine.open(System.getProperty("relulab.opencl.device"), false);
                Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
            } catch (EngineUnavailableException | LinkageError e) {
                unavailable = "no OpenCL device: " + e.getMessage().lines().findFirst().orElse("");
                buildFailure = e.getMessage().contains("build log") ? e.getMessage() : null;
            }
        }
        if (buildFailure != null) fail(buildFailure);
        if (engine == null && "1".equals(System.getenv("RELULAB_REQUIRE_OPENCL"))) {
            fail(unavailable + " (RELULAB_REQUIRE_OPENCL=1: CI must run the OpenCL parity tests)");
        }
        Assumptions.assumeTrue(engine != null, unavailable);
        engine.plan().dense().forceVersion(0);
        engine.plan().forceHostInit(false);
        return engine;
    }

    static CpuEngine cpu() {
        return new CpuEngine(1);
    }

    static long newSeed() {
        return System.nanoTime() ^ Thread.currentThread().getId() * 0x9E3779B97F4A7C15L;
    }

    static float[] normal(Random r, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextGaussian() * std);
        return v;
    }

    static float[] uniform(Random r, int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * r.nextFloat();
        return v;
    }

    static Buffer upload(Engine e, float[] v) {
        Buffer b = e.floats(v.length);
        e.write(b, v, v.length);
        return b;
    }

    static Buffer uploadInts(Engine e, int[] v) {
        Buffer b = e.ints(v.length);
        e.writeInts(b, v, v.length);
        return b;
    }

    /** A float buffer of n NaNs, so that an element the kernel fails to write fails the comparison. */
    static Buffer poisoned(Engine e, int n) {
        Buffer b = e.floats(n);
        e.fill(b, Float.NaN, n);
        return b;
    }

    static float[] download(Engine e, Buffer b) {
        float[] v = new float[(int) b.length()];
        e.read(b, v, v.length);
        return v;
    }

    static int[] downloadInts(Engine e, Buffer b) {
        int[] v = new int[(int) b.length()];
        e.readInts(b, v, v.length);
        return v;
    }

    /**
     * Fails on the first few elements outside the tolerance (NaN passes only where the CPU has NaN too); returns the
     * largest |got - want|.
     */
    static double assertClose(String what, float[] want, float[] got, double atol, double rtol, long seed) {
        double max = 0, maxRel = 0;
        List<String> bad = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < want.length; i++) {
            double w = want[i], g = got[i];
            boolean same = Float.floatToIntBits(want[i]) == Float.floatToIntBits(got[i]);
            double err = Math.abs(g - w);
            boolean ok = same || (Double.isFinite(w) && Double.isFinite(g) && err <= atol + rtol * Math.abs(w));
            if (!ok) {
                if (count++ < 5) bad.add("[" + i + "] want " + w + " got " + g);
            } else if (!same) {
                max = Math.max(max, err);
                if (Math.abs(w) >= 1e-3) maxRel = Math.max(maxRel, err / Math.abs(w));
            }
        }
        if (count > 0) {
            fail(what + ": " + count + " of " + want.length + " elements outside atol=" + atol + " rtol=" + rtol
                    + " (seed " + seed + "): " + String.join(", ", bad));
        }
        MaxErrors.record(what.replaceAll(" .*", ""), max, maxRel);
        return max;
    }

    static void assertSameInts(String what, int[] want, int[] got, long seed) {
        List<String> bad = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < want.length; i++) {
            if (want[i] != got[i] && count++ < 5) bad.add("[" + i + "] want " + want[i] + " got " + got[i]);
        }
        if (count > 0) {
            fail(what + ": " + count + " of " + want.length + " differ (seed " + seed + "): " + String.join(", ", bad));
        }
    }
}
