package dev.relulab.engine.cuda;

import java.util.logging.Level;
import java.util.logging.Logger;
import jcuda.driver.CUcontext;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * The device's primary context and the engine's one stream. All work is queued on that stream in order, so the
 * only synchronisation points are {@link #synchronize()} and the reads that call it.
 */
final class CudaContext implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CudaContext.class.getName());

    final CudaDevice device;
    final CUcontext context = new CUcontext();
    final CUstream stream = new CUstream();
    private boolean open;

    CudaContext(CudaDevice device) {
        this.device = device;
        CudaCheck.check(JCudaDriver.cuDevicePrimaryCtxRetain(context, device.handle), "cuDevicePrimaryCtxRetain");
        open = true;
        try {
            makeCurrent();
            // flags 0: a blocking stream, ordered with the legacy default stream as well
            CudaCheck.check(JCudaDriver.cuStreamCreate(stream, 0), "cuStreamCreate");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Binds the context to the calling thread; cheap, and needed whenever a new thread uses the engine. */
    void makeCurrent() {
        CudaCheck.check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    void synchronize() {
        CudaCheck.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
    }

    /**
     * Seconds between two events recorded on the stream before and after {@code op} queues its work (the GPU's own
     * clock, about 0.5 us resolution); waits for the second event.
     */
    double time(Runnable op) {
        CUevent start = new CUevent(), end = new CUevent();
        CudaCheck.check(JCudaDriver.cuEventCreate(start, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate start");
        try {
            CudaCheck.check(JCudaDriver.cuEventCreate(end, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate end");
            try {
                CudaCheck.check(JCudaDriver.cuEventRecord(start, stream), "cuEventRecord start");
                op.run();
                CudaCheck.check(JCudaDriver.cuEventRecord(end, stream), "cuEventRecord end");
                CudaCheck.check(JCudaDriver.cuEventSynchronize(end), "cuEventSynchronize end");
                float[] ms = new float[1];
                CudaCheck.check(JCudaDriver.cuEventElapsedTime(ms, start, end), "cuEventElapsedTime");
                return ms[0] / 1e3;
            } finally {
                logFailure(JCudaDriver.cuEventDestroy(end), "cuEventDestroy end");
            }
        } finally {
            logFailure(JCudaDriver.cuEventDestroy(start), "cuEventDestroy start");
        }
    }

    /** Free and total device memory in bytes, as the driver reports them now. */
    long[] memoryInfo() {
        long[] free = new long[1], total = new long[1];
        CudaCheck.check(JCudaDriver.cuMemGetInfo(free, total), "cuMemGetInfo");
        return new long[] {free[0], total[0]};
    }

    @Override
    public void close() {
        if (!open) return;
        open = false;
        logFailure(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
        logFailure(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
        logFailure(JCudaDriver.cuStreamDestroy(stream), "cuStreamDestroy");
        logFailure(JCudaDriver.cuDevicePrimaryCtxRelease(device.handle), "cuDevicePrimaryCtxRelease");
    }

    static void logFailure(int result, String call) {
        try {
            CudaCheck.check(result, call);
        } catch (CudaError e) {
            LOG.log(Level.WARNING, e.getMessage());
        }
    }
}
