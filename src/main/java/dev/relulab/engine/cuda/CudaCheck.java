package dev.relulab.engine.cuda;

import jcuda.driver.CUresult;

/**
 * The one check idiom of the CUDA engine: every driver call's result goes through {@link #check}, which throws a
 * {@link CudaError} such as {@code cuLaunchKernel dense_forward grid=(64,1,1) block=(256,1,1): CUDA_ERROR_INVALID_VALUE}.
 */
final class CudaCheck {
    private CudaCheck() {}

    static void check(int result, String call) {
        if (result != CUresult.CUDA_SUCCESS) throw new CudaError(call + ": " + name(result), result);
    }

    /** Checks a call about one kernel; {@code detail} (the launch shape, or null) is only formatted on failure. */
    static void check(int result, String call, String kernel, LaunchShape detail) {
        if (result != CUresult.CUDA_SUCCESS) {
            String what = call + " " + kernel + (detail == null ? "" : " " + detail);
            throw new CudaError(what + ": " + name(result), result);
        }
    }

    /** The error's name (CUDA_ERROR_OUT_OF_MEMORY), or its number when JCuda does not know it. */
    static String name(int result) {
        String s = CUresult.stringFor(result);
        return s == null || s.startsWith("INVALID CUresult") ? "CUresult " + result : s;
    }
}
