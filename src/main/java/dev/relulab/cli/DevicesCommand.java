package dev.relulab.cli;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.cuda.CudaEngine;
import dev.relulab.engine.opencl.ClDevice;
import dev.relulab.engine.opencl.ClDevices;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code relulab devices}: the OpenCL platforms and devices this machine offers, and whether CUDA opens. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the OpenCL devices (GPUs first; an index or part of a name selects one) and the CUDA device.")
public final class DevicesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<ClDevice> devices = ClDevices.list();
            out.println("opencl: " + devices.size() + " device" + (devices.size() == 1 ? "" : "s"));
            for (ClDevice d : devices) out.println("  " + d.describe());
        } catch (EngineUnavailableException | LinkageError e) {
            out.println("opencl: " + e.getMessage());
        }
        String cache = dev.relulab.engine.opencl.ClDevices.cacheNote();
        if (cache != null) out.println("opencl: " + cache);
        try (Engine cuda = CudaEngine.open()) {
            out.println("cuda: " + cuda.deviceName() + "; GEMM " + CudaEngine.gemmNote(cuda));
        } catch (EngineUnavailableException | LinkageError e) {
            out.println("cuda: " + e.getMessage());
        }
        out.flush();
        return 0;
    }
}
