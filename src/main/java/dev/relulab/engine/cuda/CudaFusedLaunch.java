package dev.relulab.engine.cuda;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.FusedVariant;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.JCudaDriver;

/**
 * The fused trainer on CUDA: the variants the build ships (native-kernels/cuda/fused_variants.h, read from the jar;
 * compiled into the fused-K.fatbin parts), the lane rule on this device, and the two launches of a training:
 * fused_init, then the variant's kernel with its dynamic shared memory (above 48 KB the function is opted in first).
 */
final class CudaFusedLaunch implements AutoCloseable {
    static final String VARIANTS = "/kernels/cuda/fused_variants.h";
    private static final Pattern ONE_LANE = Pattern.compile("^FV_ONE_LANE\\((\\w+), *(\\d+), *(\\d+), *(\\d+)\\)");
    private static final Pattern WORK_GROUP = Pattern.compile("^FV_WORK_GROUP\\((\\w+), *(\\d+)\\)");
    private static final int DEFAULT_SHARED = 48 * 1024;
    /** Kernel names of every shipped variant. */
    static final Set<String> SHIPPED = Collections.unmodifiableSet(readShipped());

    private final CudaContext ctx;
    private final List<KernelModule> parts = new ArrayList<>();
    private final Map<String, KernelModule> owner = new HashMap<>();
    private final int multiprocessors;
    private final Set<String> optedIn = new HashSet<>();

    /** Loads every fused part into the current context and finds each shipped kernel in one of them. */
    CudaFusedLaunch(CudaContext ctx, int multiprocessors) throws EngineUnavailableException {
        this.ctx = ctx;
        this.multiprocessors = multiprocessors;
        try {
            for (int k = 0; KernelModule.exists(part(k)); k++) parts.add(new KernelModule(part(k)));
            for (String name : SHIPPED) {
                for (KernelModule m : parts) {
                    if (m.has(name)) owner.put(name, m);
                }
                if (!owner.containsKey(name)) {
                    throw new EngineUnavailableException("fused kernel " + name + " is in no fused-K.fatbin (the"
                            + " fatbins are older than this engine; rebuild)");
                }
            }
        } catch (EngineUnavailableException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private static String part(int k) {
        return "/kernels/fused-" + k + ".fatbin";
    }

    /** The variant for E networks, or null when the build ships none for this configuration. */
    FusedVariant variant(FusedNetwork net, int E) {
        boolean oneLane = SHIPPED.contains(FusedVariant.of(net, 1).kernel());
        FusedVariant v = FusedVariant.of(net, FusedVariant.lanesFor(net, E, true, multiprocessors, oneLane));
        return SHIPPED.contains(v.kernel()) ? v : null;
    }

    /** fused_init into init [P][E], then the variant's kernel over E networks. */
    void run(FusedVariant v, int netBase, int E, Buffer spec, Buffer init, Buffer lr, Buffer corrections,
             Buffer counts, Buffer stats) {
        FusedNetwork net = v.net;
        need("lr", lr, false, E);
        need("counts", counts, true, (long) E * net.countsPerNetwork());
        need("stats", stats, false, (long) E * FusedNetwork.STATS);
        Optimizer opt = net.optimizer;
        int seedLo = (int) net.seed, seedHi = (int) (net.seed >>> 32);
        long P = v.parameters();
        KernelModule module = owner.get(v.kernel());
        Launcher launcher = new Launcher(ctx, module);
        launcher.launch("fused_init", LaunchShape.linear(P * E), E, netBase, seedLo, seedHi, spec, (int) P, init);
        int shared = 4 * v.localFloats();
        if (shared > DEFAULT_SHARED && optedIn.add(v.kernel())) {
            CudaCheck.check(JCudaDriver.cuFuncSetAttribute(module.function(v.kernel()),
                    CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, shared),
                    "cuFuncSetAttribute MAX_DYNAMIC_SHARED_SIZE_BYTES=" + shared, v.kernel(), null);
        }
        LaunchShape shape = v.lanes == 1
                ? new LaunchShape((int) ((E + FusedVariant.GROUP - 1) / FusedVariant.GROUP), 1, 1, FusedVariant.GROUP,
                        1, 1, shared)
                : new LaunchShape(E, 1, 1, v.lanes, 1, 1, shared);
        launcher.launch(v.kernel(), shape, E, netBase, seedLo, seedHi, v.hidden, init, null, net.arch.hidden.code,
                net.arch.alpha, opt.kind.code, (float) opt.momentum, (float) opt.beta1, (float) opt.beta2,
                (float) opt.epsilon, lr, corrections, net.target.code, net.lo, net.hi, net.trainPoints,
                net.testPoints, net.batch, net.epochs, net.probeEveryEpoch ? 1 : 0, net.deadThreshold,
                net.exactSkipping ? 1 : 0, counts, stats);
    }

    @Override
    public void close() {
        for (KernelModule m : parts) m.close();
        parts.clear();
        owner.clear();
    }

    private static void need(String name, Buffer b, boolean isInt, long count) {
        if (!(b instanceof CudaBuffer)) throw new IllegalArgumentException("trainFused: " + name + " must be a CUDA buffer");
        ((CudaBuffer) b).checked(isInt, count, "trainFused " + name);
    }

    /** The kernel names fused_variants.h lists, expanded as build-cuda.sh expands them. */
    static List<String> shippedNames(String text) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher one = ONE_LANE.matcher(line.trim()), group = WORK_GROUP.matcher(line.trim());
            if (one.find()) {
                String act = Activation.parse(one.group(1)).cliName();
                for (int h = Integer.parseInt(one.group(3)); h <= Integer.parseInt(one.group(4)); h++) {
                    names.add("fused_v2_" + act + "_w" + one.group(2) + "_h" + h + "_l1");
                }
            } else if (group.find()) {
                names.add("fused_v2_" + Activation.parse(group.group(1)).cliName() + "_w" + group.group(2) + "_l"
                        + FusedVariant.LANES);
            }
        }
        return names;
    }

    private static Set<String> readShipped() {
        try (InputStream in = CudaFusedLaunch.class.getResourceAsStream(VARIANTS)) {
            if (in == null) return Set.of();
            return new HashSet<>(shippedNames(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VARIANTS, e);
        }
    }
}
