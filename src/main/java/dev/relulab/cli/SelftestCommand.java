package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.engine.cuda.CudaEngine;
import dev.relulab.engine.opencl.OpenClEngine;
import dev.relulab.selftest.FusedParity;
import dev.relulab.selftest.GemmPath;
import dev.relulab.selftest.ParityCheck;
import dev.relulab.selftest.ParityRow;
import dev.relulab.selftest.ParityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code relulab selftest}: every engine found besides the CPU, kernel by kernel, against the CPU engine on fresh random
 * inputs; exits 1 on any failure, 0 when all pass or no other engine is here.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = {"Compare every CUDA and OpenCL kernel with the CPU engine on fresh random inputs.",
            "The dense layers are checked on both paths: relulab's kernels, and the GEMM path (cuBLAS where it loads,"
                    + " rows '+cublas'; else a Java GEMM that checks the path's layout, rows '+host-gemm')."})
public final class SelftestCommand implements Callable<Integer> {
    /** Exit code when some kernel does not match the CPU engine. */
    public static final int EXIT_MISMATCH = 1;

    @Option(names = "--seed", description = "Seed of the random shapes and inputs (default: a fresh one, printed).")
    Long seed;

    @Override
    public Integer call() {
        long s = seed != null ? seed : System.nanoTime();
        List<Engine> engines = new ArrayList<>();
        try {
            open("cuda", CudaEngine::open, engines);
            open("opencl", () -> OpenClEngine.open(null, false), engines);
            if (engines.isEmpty()) {
                System.out.println("selftest: no engine besides the CPU found; nothing to compare");
                return 0;
            }
            System.out.println("selftest: seed " + s + " (replay with --seed " + s + ")");
            List<ParityRow> rows = new ArrayList<>();
            try (CpuEngine cpu = new CpuEngine(1)) {
                ParityCheck check = new ParityCheck(cpu, ParityCheck.DEFAULT_BUDGET);
                for (Engine e : engines) {
                    rows.addAll(GemmPath.kernels(check, e, s));
                    rows.addAll(GemmPath.run(check, e, s));
                    rows.addAll(FusedParity.run(cpu, e, s));
                }
            }
            ParityTable.print(rows, System.out);
            long failed = rows.stream().filter(r -> !r.pass()).count();
            System.out.println("selftest: " + (rows.size() - failed) + " of " + rows.size() + " passed");
            return failed == 0 ? 0 : EXIT_MISMATCH;
        } finally {
            for (Engine e : engines) e.close();
        }
    }

    private interface Opener {
        Engine open() throws EngineUnavailableException;
    }

    private static void open(String name, Opener opener, List<Engine> engines) {
        try {
            Engine e = opener.open();
            String gemm = CudaEngine.gemmNote(e);
            System.out.println("selftest: " + name + ": " + e.deviceName() + (gemm == null ? "" : "; GEMM " + gemm));
            engines.add(e);
        } catch (EngineUnavailableException | LinkageError ex) {
            System.out.println("selftest: " + name + ": skipped (" + ex.getMessage() + ")");
        }
    }
}
