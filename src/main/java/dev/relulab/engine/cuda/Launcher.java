package dev.relulab.engine.cuda;

import dev.relulab.engine.Arg;
import dev.relulab.engine.KernelId;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.JCudaDriver;

/** Launches kernels on the engine's stream, the arguments packed by their ABI types. */
final class Launcher {
    private static final CUdeviceptr NULL = new CUdeviceptr();

    private final CudaContext ctx;

    Launcher(CudaContext ctx) {
        this.ctx = ctx;
    }

    /** Launches {@code function} (kernel's); returns the driver's result, which the caller checks (so that it can explain an out-of-memory). */
    int launch(CUfunction function, KernelId kernel, LaunchShape shape, Arg[] args) {
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int k = 0; k < args.length; k++) params[k] = param(kernel, args[k]);
        return JCudaDriver.cuLaunchKernel(function, shape.gx, shape.gy, shape.gz, shape.bx, shape.by, shape.bz,
                shape.sharedBytes, ctx.stream, Pointer.to(params), null);
    }

    private static Pointer param(KernelId kernel, Arg a) {
        switch (a.type()) {
            case INT: return Pointer.to(new int[] {(Integer) a.value()});
            case FLOAT: return Pointer.to(new float[] {(Float) a.value()});
            case DOUBLE: return Pointer.to(new double[] {(Double) a.value()});
            default:
                CUdeviceptr p = CudaBuffer.ptr(a.buffer(), kernel + " " + a.name());
                return Pointer.to(p == null ? NULL : p);
        }
    }
}
