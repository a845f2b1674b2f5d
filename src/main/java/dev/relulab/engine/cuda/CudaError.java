package dev.relulab.engine.cuda;

/** A failed CUDA driver call; the message names the call, the kernel and launch shape where there is one, and the error. */
public final class CudaError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The CUresult code (CUDA_ERROR_*) the driver returned. */
    public final int result;

    CudaError(String message, int result) {
        super(message);
        this.result = result;
    }
}
