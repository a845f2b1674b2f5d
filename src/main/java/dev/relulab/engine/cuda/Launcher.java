package dev.relulab.engine.cuda;

import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/**
 * Launches kernels of the module on the engine's stream. Arguments are given in the kernel's order as
 * {@link CudaBuffer} (null for an optional buffer, passed as a null pointer), Integer, Long, Float or Double.
 */
final class Launcher {
    private static final CUdeviceptr NULL = new CUdeviceptr();

    private final CudaContext ctx;
    private final KernelModule module;

    Launcher(CudaContext ctx, KernelModule module) {
        this.ctx = ctx;
        this.module = module;
    }

    void launch(String kernel, LaunchShape shape, Object... args) {
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int k = 0; k < args.length; k++) params[k] = param(kernel, k, args[k]);
        int rc = JCudaDriver.cuLaunchKernel(module.function(kernel), shape.gx, shape.gy, shape.gz, shape.bx, shape.by,
                shape.bz, shape.sharedBytes, ctx.stream, Pointer.to(params), null);
        CudaCheck.check(rc, "cuLaunchKernel", kernel, shape);
    }

    private static Pointer param(String kernel, int index, Object arg) {
        if (arg == null) return Pointer.to(NULL);
        if (arg instanceof CudaBuffer) return Pointer.to(((CudaBuffer) arg).ptr);
        if (arg instanceof Integer) return Pointer.to(new int[] {(Integer) arg});
        if (arg instanceof Float) return Pointer.to(new float[] {(Float) arg});
        if (arg instanceof Long) return Pointer.to(new long[] {(Long) arg});
        if (arg instanceof Double) return Pointer.to(new double[] {(Double) arg});
        throw new IllegalArgumentException(kernel + " argument " + index + ": unsupported type "
                + arg.getClass().getSimpleName());
    }
}
