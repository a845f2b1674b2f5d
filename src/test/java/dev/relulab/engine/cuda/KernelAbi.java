package dev.relulab.engine.cuda;

import dev.relulab.engine.Arg;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.KernelId;
import dev.relulab.engine.LaunchRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The check of one launch against the compiled kernels and CUDA's launch limits, as the CUDA engine would issue it:
 * the kernel exists; the argument count, each argument's name, ABI type and buffer kind match the parameter list; the
 * block has at most 1024 threads (x, y <= 1024, z <= 64) and fits the registers of a multiprocessor; the grid is
 * within 2^31 - 1 x 65,535 x 65,535; static shared memory stays within 48 KB, and with the launch's dynamic shared
 * memory within 48 KB, or within {@link #MAX_SHARED_OPT_IN} where the launch asks for more than 48 KB (CudaBackend
 * opts the kernel in with cuFuncSetAttribute); the items and every buffer stay below 2^31 elements. A variant of a
 * family compiled per configuration (fused_v2_*) must be one that ptxas compiled, with its family's parameter list.
 */
final class KernelAbi {
    static final int MAX_THREADS = 1024, MAX_BLOCK_Z = 64, MAX_SHARED = 48 * 1024, REGISTERS_PER_BLOCK = 65_536;
    /** The most shared memory a block of sm_80 may opt into (163 KB; sm_90 allows 227 KB): the lower of the two. */
    static final int MAX_SHARED_OPT_IN = 163 * 1024;
    static final long MAX_GRID_X = Integer.MAX_VALUE, MAX_GRID_YZ = 65_535;

    private final CompiledKernels compiled;

    KernelAbi(CompiledKernels compiled) {
        this.compiled = compiled;
    }

    /** Every problem of the launch, one line each; empty when it is sound. */
    List<String> problems(KernelId kernel, LaunchRange range, Arg[] args) {
        List<String> out = new ArrayList<>();
        String k = kernel.symbol();
        List<CompiledKernels.Param> params = compiled.paramsOf(k);
        if (params == null) {
            out.add(k + ": not in the compiled module");
            return out;
        }
        if (args.length != params.size()) {
            out.add(k + ": " + args.length + " arguments, the kernel takes " + params.size());
        }
        for (int i = 0; i < Math.min(args.length, params.size()); i++) {
            Arg a = args[i];
            CompiledKernels.Param p = params.get(i);
            if (!a.name().equals(p.name())) out.add(k + " argument " + i + ": '" + a.name() + "' passed where the kernel"
                    + " takes '" + p.name() + "'");
            if (a.type() != p.abiType()) out.add(k + " argument " + i + " (" + p.name() + "): " + a.type() + " passed,"
                    + " the kernel takes " + p.cType() + " (PTX ." + p.ptxType() + ")");
            Buffer b = a.isPointer() ? a.buffer() : null;
            if (b != null && b.isInt() != (p.abiType() == Arg.Type.INT_PTR)) {
                out.add(k + " argument " + i + " (" + p.name() + "): an " + (b.isInt() ? "int" : "float")
                        + " buffer for " + p.cType());
            }
            if (b != null && b.length() > Integer.MAX_VALUE) {
                out.add(k + " argument " + i + " (" + p.name() + "): " + b.length() + " elements, not indexable");
            }
        }
        if ((double) range.globalX() * range.globalY() > Integer.MAX_VALUE) {
            out.add(k + " " + range + ": more than 2^31 - 1 work items");
        }
        LaunchShape shape;
        try {
            shape = LaunchShape.of(range);
        } catch (IllegalArgumentException e) {
            out.add(k + ": " + e.getMessage());
            return out;
        }
        launchLimits(k, shape, out);
        return out;
    }

    private void launchLimits(String k, LaunchShape s, List<String> out) {
        int threads = s.threadsPerBlock();
        if (threads > MAX_THREADS || s.bx > MAX_THREADS || s.by > MAX_THREADS || s.bz > MAX_BLOCK_Z) {
            out.add(k + " " + s + ": a block of " + threads + " threads (CUDA allows 1024)");
        }
        if (s.gx > MAX_GRID_X || s.gy > MAX_GRID_YZ || s.gz > MAX_GRID_YZ) {
            out.add(k + " " + s + ": grid beyond CUDA's limits (2^31 - 1, 65535, 65535)");
        }
        for (Map.Entry<String, CompiledKernels.Resources> r : compiled.resources.getOrDefault(k, Map.of()).entrySet()) {
            CompiledKernels.Resources res = r.getValue();
            int limit = s.sharedBytes > MAX_SHARED ? MAX_SHARED_OPT_IN : MAX_SHARED;
            if (res.sharedBytes() > MAX_SHARED || res.sharedBytes() + s.sharedBytes > limit) {
                out.add(k + " on " + r.getKey() + ": " + res.sharedBytes() + " + " + s.sharedBytes + " bytes of shared"
                        + " memory (static + dynamic; at most " + limit + ")");
            }
            // registers are allocated per warp, in units of 256
            long perWarp = (res.registers() * 32L + 255) / 256 * 256;
            if ((threads + 31) / 32 * perWarp > REGISTERS_PER_BLOCK) {
                out.add(k + " on " + r.getKey() + " " + s + ": " + res.registers() + " registers x " + threads
                        + " threads exceed a block's 65536");
            }
        }
    }
}
