package dev.relulab.selftest;

import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.Engine;
import dev.relulab.engine.GemmMode;
import dev.relulab.engine.HostGemm;
import dev.relulab.engine.DenseLaunches;
import java.util.List;

/**
 * The dense layers' GEMM path against the CPU engine: through the device's library where one loaded (cuBLAS, rows
 * "cuda+cublas"), else through {@link HostGemm} (rows such as "opencl+host-gemm"), which checks the path's layout and
 * its bias and activation kernels on any device.
 */
public final class GemmPath {
    private GemmPath() {}

    /** Every op of a parity run with the dense products on relulab's kernels (the rule's v1/v2), whatever the mode. */
    public static List<ParityRow> kernels(ParityCheck check, Engine candidate, long seed) {
        if (!(candidate instanceof DeviceEngine)) return check.run(candidate, seed);
        DenseLaunches dense = ((DeviceEngine) candidate).plan().dense();
        GemmMode mode = dense.gemmMode();
        try {
            dense.gemmMode(GemmMode.KERNELS);
            return check.run(candidate, seed);
        } finally {
            dense.gemmMode(mode);
        }
    }

    /** The dense rows of a parity run on the GEMM path; none for an engine that is not a device engine. */
    public static List<ParityRow> run(ParityCheck check, Engine candidate, long seed) {
        if (!(candidate instanceof DeviceEngine)) return List.of();
        DeviceEngine e = (DeviceEngine) candidate;
        DenseLaunches dense = e.plan().dense();
        GemmMode mode = dense.gemmMode();
        boolean library = dense.gemm() != null;
        if (!library) dense.gemmOverride(new HostGemm(e.device()));
        String label = e.kind().cliName() + (library ? "+" + libraryLabel(dense) : "+host-gemm");
        try {
            dense.gemmMode(GemmMode.CUBLAS);
            return check.run(e, seed, label, op -> op.kernel.startsWith("dense"));
        } finally {
            dense.gemmMode(mode);
            dense.gemmOverride(null);
        }
    }

    private static String libraryLabel(DenseLaunches dense) {
        return dense.gemm().name().toLowerCase(java.util.Locale.ROOT).startsWith("cublas") ? "cublas" : "gemm";
    }
}
