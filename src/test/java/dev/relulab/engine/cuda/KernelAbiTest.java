package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Arg;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.DenseLaunches;
import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.Engine;
import dev.relulab.engine.FusedVariant;
import dev.relulab.engine.GemmMode;
import dev.relulab.engine.Kernel;
import dev.relulab.engine.KernelId;
import dev.relulab.engine.LaunchRange;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Architecture;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.selftest.ParityCheck;
import dev.relulab.selftest.ParityOp;
import dev.relulab.train.EnsembleTrainer;
import dev.relulab.train.FunctionData;
import dev.relulab.train.Progress;
import dev.relulab.train.TrainingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GPU-free launch check: every launch that the kernel plan issues for the parity suite, the fused trainings (both
 * variant forms, shared memory past 48 KB) and a few extreme shapes (on a device that records instead of running,
 * posing as CUDA, with and without a GEMM library) matches the kernel's parameter list as nvcc compiled it and CUDA's
 * launch limits; and the check fails when a launch swaps two arguments, asks for a 2048-thread block or too much
 * shared memory, or names a fused variant the build did not compile. Needs the build's target/cuda-build (nvcc);
 * required under CI.
 */
class KernelAbiTest {
    private static final long SEED = System.nanoTime();
    private static CompiledKernels compiled;
    private static KernelAbi abi;
    /** The plan's launches without and with a GEMM library, recorded once for all tests. */
    private static RecordingDevice plain, withGemm;

    @BeforeAll
    static void readCompiledKernels() throws Exception {
        if (!CompiledKernels.built()) {
            String why = "no " + CompiledKernels.FOLDER + "/relulab.ptx: nvcc was not on the PATH at build time";
            if ("true".equals(System.getenv("CI"))) fail(why + " (CI must compile the CUDA kernels)");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, why);
        }
        compiled = CompiledKernels.read();
        abi = new KernelAbi(compiled);
        plain = record(SEED, false);
        withGemm = record(SEED, true);
    }

    /** The fatbin holds the fixed kernels of Kernel's table and, for a family compiled per configuration, variants. */
    @Test
    void everyKernelOfTheTableIsCompiledAndNoOther() {
        Set<String> fixed = new TreeSet<>(), found = new TreeSet<>(compiled.params.keySet());
        for (Kernel k : Kernel.values()) {
            if (k.program.equals(Kernel.MAIN_PROGRAM)) {
                fixed.add(k.symbol);
            } else {
                found.removeIf(s -> s.startsWith(k.symbol + "_"));
            }
        }
        assertEquals(fixed, found, "Kernel's table against the fatbin's kernels");
    }

    /** The v2 kernels stage two (TILE x TILE+1) float tiles: their compiled shared memory ties DENSE_TILE to Java's. */
    @Test
    void tiledKernelsUseTheTileTheLaunchesAssume() {
        int want = 2 * DenseLaunches.TILE * (DenseLaunches.TILE + 1) * Float.BYTES;
        for (Kernel k : new Kernel[] {Kernel.DENSE_FORWARD_V2, Kernel.DENSE_BACKWARD_WEIGHTS_V2,
            Kernel.DENSE_BACKWARD_DX_V2}) {
            Map<String, CompiledKernels.Resources> r = compiled.resources.get(k.symbol);
            assertEquals(Set.of("sm_80", "sm_90"), r.keySet(), k.symbol);
            for (CompiledKernels.Resources res : r.values()) assertEquals(want, res.sharedBytes(), k.symbol);
        }
    }

    @Test
    void everyLaunchOfTheSuiteMatchesTheCompiledKernels() {
        Set<String> launched = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (RecordingDevice dev : new RecordingDevice[] {plain, withGemm}) {
            total += dev.launches.size();
            for (RecordingDevice.Launch l : dev.launches) {
                launched.add(l.kernel().symbol());
                problems.addAll(abi.problems(l.kernel(), l.range(), l.args()));
            }
            problems.addAll(dev.gemmProblems);
        }
        assertTrue(withGemm.gemmCalls > 0, "the GEMM path was not taken");
        assertEquals(0, plain.gemmCalls, "GEMM calls without a library");
        assertTrue(problems.isEmpty(), "seed " + SEED + ", " + problems.size() + " problems:\n"
                + String.join("\n", new LinkedHashSet<>(problems)));
        Set<String> fixed = new TreeSet<>();
        for (Kernel k : Kernel.values()) if (k.program.equals(Kernel.MAIN_PROGRAM)) fixed.add(k.symbol);
        assertTrue(launched.containsAll(fixed), "kernels the suite never launched: " + minus(fixed, launched));
        for (String form : new String[] {"_l1", "_l32"}) {
            assertTrue(launched.stream().anyMatch(k -> k.startsWith("fused_v2_") && k.endsWith(form)),
                    "no fused variant of form " + form + " launched: " + launched);
        }
        assertTrue(total > 500, "launches recorded: " + total);
    }

    /** The fused trainings launch fused_init, then their variant with its dynamic shared memory, past 48 KB too. */
    @Test
    void fusedLaunchesCarryTheirVariantsSharedMemory() {
        RecordingDevice.Launch big = launchOf(FusedVariant.symbol(Activation.PRELU, 10, 9, FusedVariant.LANES));
        assertTrue(big.range().localBytes() > KernelAbi.MAX_SHARED, "prelu 10 x 9 adam keeps " + big.range().localBytes()
                + " bytes of shared memory, which needs the opt-in");
        assertEquals(List.of(), abi.problems(big.kernel(), big.range(), big.args()));
        LaunchRange r = big.range();
        LaunchRange tooMuch = new LaunchRange(r.globalX(), r.globalY(), r.localX(), r.localY(),
                KernelAbi.MAX_SHARED_OPT_IN + 4);
        assertTrue(abi.problems(big.kernel(), tooMuch, big.args()).stream().anyMatch(p -> p.contains("shared memory")),
                "beyond the opt-in limit");
        RecordingDevice.Launch one = launchOf(FusedVariant.symbol(Activation.LEAKY_RELU, 2, 10, 1));
        assertEquals(FusedVariant.GROUP, one.range().localX(), "one work item per network, a warp per block");
    }

    /** A fused launch that passes hidden and E swapped, or drops an argument, or names a variant not built, fails. */
    @Test
    void mutatedFusedLaunchesFailTheCheck() {
        RecordingDevice.Launch l = launchOf(FusedVariant.symbol(Activation.RELU, 2, 10, FusedVariant.LANES));
        Arg[] swapped = l.args().clone();
        assertEquals("hidden", swapped[4].name());
        Arg e = swapped[0];
        swapped[0] = swapped[4];
        swapped[4] = e;
        assertEquals(List.of(l.kernel() + " argument 0: 'hidden' passed where the kernel takes 'E'",
                l.kernel() + " argument 4: 'E' passed where the kernel takes 'hidden'"),
                abi.problems(l.kernel(), l.range(), swapped));
        Arg[] shorter = java.util.Arrays.copyOf(l.args(), l.args().length - 1);
        assertTrue(abi.problems(l.kernel(), l.range(), shorter).get(0).contains("arguments, the kernel takes"));
        KernelId unbuilt = Kernel.FUSED_V2_LANES.variant(FusedVariant.tag(Activation.RELU, 7, 0, 32), Map.of());
        assertEquals(List.of(unbuilt.symbol() + ": not in the compiled module"),
                abi.problems(unbuilt, l.range(), l.args()));
    }

    @Test
    void swappingTwoArgumentsFailsTheCheckForEveryKernel() {
        for (RecordingDevice.Launch l : oneLaunchPerKernel()) {
            Arg[] swapped = l.args().clone();
            int i = 0, j = 1;
            while (swapped[i].name().equals(swapped[j].name())) j++;
            Arg t = swapped[i];
            swapped[i] = swapped[j];
            swapped[j] = t;
            List<String> p = abi.problems(l.kernel(), l.range(), swapped);
            assertFalse(p.isEmpty(), l.kernel() + " with arguments " + i + " and " + j + " swapped passed the check");
            assertTrue(p.get(0).contains("argument " + i), p.toString());
        }
    }

    @Test
    void swappingTwoIntsOfOneTypeIsCaughtByName() {
        RecordingDevice.Launch l = launchOf(Kernel.DENSE_FORWARD_V1);
        Arg[] swapped = l.args().clone();
        Arg nIn = swapped[2];
        swapped[2] = swapped[3];
        swapped[3] = nIn;
        List<String> p = abi.problems(l.kernel(), l.range(), swapped);
        assertEquals(List.of("dense_forward_v1 argument 2: 'nOut' passed where the kernel takes 'nIn'",
                "dense_forward_v1 argument 3: 'nIn' passed where the kernel takes 'nOut'"), p);
    }

    @Test
    void aBlockOf2048ThreadsFailsTheCheckForEveryKernel() {
        for (RecordingDevice.Launch l : oneLaunchPerKernel()) {
            LaunchRange big = LaunchRange.linear(l.range().globalX() * l.range().globalY(), 2048);
            List<String> p = abi.problems(l.kernel(), big, l.args());
            assertTrue(p.stream().anyMatch(s -> s.contains("a block of 2048 threads")), l.kernel() + ": " + p);
        }
    }

    @Test
    void gridRowsBeyondCudasLimitFailTheCheck() {
        RecordingDevice.Launch l = launchOf(Kernel.DENSE_FORWARD_V2);
        List<String> p = abi.problems(l.kernel(), LaunchRange.tiles(8, 70_000, 16), l.args());
        assertTrue(p.stream().anyMatch(s -> s.contains("grid beyond CUDA's limits")), p.toString());
    }

    /** The plan's launches for the whole parity suite, both dense versions, the fused trainings and extreme shapes. */
    private static RecordingDevice record(long seed, boolean gemm) {
        RecordingDevice dev = new RecordingDevice(gemm);
        DeviceEngine eng = new DeviceEngine(dev);
        eng.plan().dense().gemmMode(gemm ? GemmMode.CUBLAS : GemmMode.KERNELS);
        eng.warmUp();
        List<ParityOp> ops = new ParityCheck(new CpuEngine(1), ParityCheck.DEFAULT_BUDGET).ops(seed);
        for (int version = 0; version <= 2; version++) {
            eng.plan().dense().forceVersion(version);
            for (ParityOp op : ops) {
                if (version == 0 || op.kernel.startsWith("dense")) op.run(eng);
            }
        }
        eng.plan().dense().forceVersion(0);
        fusedTraining(eng);
        extremeShapes(eng);
        return dev;
    }

    /**
     * Fused trainings in both forms: lu2019's shape on 100,000 networks (ReLU, exact skipping, enough to fill 132 SMs:
     * one work item each, ordered by fused_order_key), Leaky ReLU on 100,000 (one work item each, in index order) and
     * PReLU 10 x 9 with Adam on 33 (32 lanes; 78 KB of shared memory: the opt-in).
     */
    private static void fusedTraining(Engine eng) {
        fused(eng, Activation.RELU, 2, 10, Optimizer.Kind.ADAM, 100_000);
        fused(eng, Activation.LEAKY_RELU, 2, 10, Optimizer.Kind.SGD, 100_000);
        fused(eng, Activation.PRELU, 10, 9, Optimizer.Kind.ADAM, 33);
    }

    private static void fused(Engine eng, Activation act, int width, int depth, Optimizer.Kind opt, int networks) {
        Architecture arch = Architecture.mlp(1, width, depth, 1, act, act.defaultAlpha, Loss.MSE,
                Initializer.of(Initializer.Kind.HE_NORMAL), Initializer.of(Initializer.Kind.ZEROS));
        TrainingConfig cfg = new TrainingConfig(arch, Optimizer.of(opt), 1e-3f, 2, 64, networks, 1L, 0f,
                TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true);
        FunctionData data = new FunctionData(FunctionTarget.ABS, -2.6f, 2.6f, 3000, 500);
        EnsembleTrainer trainer = new EnsembleTrainer(eng);
        assertTrue(trainer.usesFused(cfg, data), arch + " must train fused");
        trainer.train(cfg, data, Progress.silent(EnsembleTrainer.totalSteps(cfg, data)));
    }

    /**
     * Shapes near the plan's limits: the widest tiled grid (4095 networks x 16 tile rows), a wide layer past it (v1 on
     * 2 billion outputs), a million-network chunk, a fill of 2^31 - 1.
     */
    private static void extremeShapes(Engine eng) {
        try (Buffer big = eng.floats(Integer.MAX_VALUE); Buffer ints = eng.ints(Integer.MAX_VALUE)) {
            eng.fill(big, 1f, Integer.MAX_VALUE);
            eng.fill(ints, 1f, Integer.MAX_VALUE);
            for (int E : new int[] {4095, 10_000}) {
                eng.denseForward(E, 256, 784, 128, big, big, big, Activation.RELU, 0f, null, big, big, ints);
                eng.denseBackward(E, 256, 784, 128, big, big, big, Activation.RELU, 0f, null, big, big, big, null,
                        big);
            }
            eng.denseForward(1_000_000, 64, 2, 2, big, big, big, Activation.RELU, 0f, null, big, big, ints);
            eng.optimizerStep(Optimizer.of(Optimizer.Kind.ADAM), 1_000_000, 2000, big, big, big, big, big, 1f, ints);
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> r = new TreeSet<>(a);
        r.removeAll(b);
        return r;
    }

    private static List<RecordingDevice.Launch> oneLaunchPerKernel() {
        Map<String, RecordingDevice.Launch> first = new LinkedHashMap<>();
        for (RecordingDevice dev : new RecordingDevice[] {plain, withGemm}) {
            for (RecordingDevice.Launch l : dev.launches) first.putIfAbsent(l.kernel().symbol(), l);
        }
        return new ArrayList<>(first.values());
    }

    private static RecordingDevice.Launch launchOf(Kernel k) {
        return launchOf(k.symbol);
    }

    private static RecordingDevice.Launch launchOf(String symbol) {
        for (RecordingDevice.Launch l : oneLaunchPerKernel()) if (l.kernel().symbol().equals(symbol)) return l;
        throw new AssertionError("no launch of " + symbol);
    }
}
