package dev.relulab.engine.opencl;

/** A failed OpenCL call on an open engine: the message names the call, the kernel or buffer, and the CL error. */
public final class OpenClException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The CL error code. */
    public final int error;

    OpenClException(String message, int error) {
        super(message);
        this.error = error;
    }
}
