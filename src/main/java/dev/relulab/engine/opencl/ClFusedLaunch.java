package dev.relulab.engine.opencl;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.FusedNetwork;
import dev.relulab.engine.FusedVariant;
import dev.relulab.nn.Optimizer;
import java.util.HashMap;
import java.util.Map;

/**
 * The fused trainer on OpenCL: kernels/opencl/fused_l1.cl (one work item per network) or fused_lanes.cl built once
 * per configuration with its variant's -D options (shape, lanes, activation, optimizer, local size) and kept for the
 * engine's life, keyed by that option set; each training is fused_init (from the engine's main program) then the
 * variant's kernel.
 */
final class ClFusedLaunch implements AutoCloseable {

    private final long context, queue;
    private final ClDevice device;
    private final Map<String, ClLaunch> built = new HashMap<>();
    private final Map<String, ClProgram> programs = new HashMap<>();

    ClFusedLaunch(long context, long queue, ClDevice device) {
        this.context = context;
        this.queue = queue;
        this.device = device;
    }

    /** The variant for E networks of {@code net} on this device (a CPU device: one work item per network). */
    FusedVariant variant(FusedNetwork net, int E) {
        return FusedVariant.of(net, FusedVariant.lanesFor(net, E, device.gpu, device.computeUnits,
                FusedVariant.of(net, 1).fitsRegisters()), device.gpu ? FusedVariant.GROUP : FusedVariant.CPU_GROUP);
    }

    /**
     * Whether the variant keeps each network's training points in a table ([E][nTrain] floats, filled by the first
     * probe): on a CPU device one work item per network reads them back from its caches instead of drawing a Philox
     * block per example; a GPU computes them (the gathers would be uncoalesced).
     */
    boolean pointTable(FusedVariant v) {
        return v.lanes == 1 && !device.gpu;
    }

    /** Queues the variant's kernel over E networks; init, corrections: fused_init's output and the Adam table. */
    void run(FusedVariant v, int netBase, int E, Buffer init, Buffer points, Buffer lr, Buffer corrections,
             Buffer counts, Buffer stats) {
        FusedNetwork net = v.net;
        Optimizer opt = net.optimizer;
        ClLaunch k = launcher(v);
        long global = v.global(E);
        if (global > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("trainFused: " + E + " networks x " + v.local() + " work items");
        }
        k.kernel(v.kernel()).i(E).i(netBase).i((int) net.seed).i((int) (net.seed >>> 32)).i(v.hidden).buf(init)
                .buf(points).i(net.arch.hidden.code).f(net.arch.alpha).i(opt.kind.code).f((float) opt.momentum)
                .f((float) opt.beta1).f((float) opt.beta2).f((float) opt.epsilon).buf(lr).buf(corrections)
                .i(net.target.code).f(net.lo).f(net.hi).i(net.trainPoints).i(net.testPoints).i(net.batch)
                .i(net.epochs).i(net.probeEveryEpoch ? 1 : 0).f(net.deadThreshold).i(net.exactSkipping ? 1 : 0)
                .buf(counts).buf(stats).run1d((int) global, v.local());
    }

    private ClLaunch launcher(FusedVariant v) {
        String options = String.join(" ", v.defines(true));
        ClLaunch k = built.get(options);
        if (k != null) return k;
        ClProgram program;
        try {
            program = new ClProgram(context, device, v.lanes == 1 ? "opencl/fused_l1.cl" : "opencl/fused_lanes.cl",
                    options, v.kernel());
        } catch (EngineUnavailableException e) {
            throw new OpenClException(e.getMessage(), org.lwjgl.opencl.CL10.CL_BUILD_PROGRAM_FAILURE);
        } finally {
            SignalHandlers.restore();
        }
        programs.put(options, program);
        k = new ClLaunch(queue, program);
        built.put(options, k);
        return k;
    }

    /** Releases every program built; returns the first error's description, or null. */
    String release() {
        String first = null;
        for (ClProgram p : programs.values()) {
            String err = p.release();
            if (first == null) first = err;
        }
        programs.clear();
        built.clear();
        return first;
    }

    @Override
    public void close() {
        release();
    }
}
