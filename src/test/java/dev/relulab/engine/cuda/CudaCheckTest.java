package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jcuda.driver.CUresult;
import org.junit.jupiter.api.Test;

class CudaCheckTest {
    @Test
    void failedLaunchNamesCallKernelShapeAndError() {
        CudaError e = assertThrows(CudaError.class, () -> CudaCheck.check(CUresult.CUDA_ERROR_INVALID_VALUE,
                "cuLaunchKernel", "dense_forward", LaunchShape.linear(64 * 256)));
        assertEquals("cuLaunchKernel dense_forward grid=(64,1,1) block=(256,1,1): CUDA_ERROR_INVALID_VALUE",
                e.getMessage());
        assertEquals(CUresult.CUDA_ERROR_INVALID_VALUE, e.result);
    }

    @Test
    void failedCallNamesCallAndError() {
        CudaError e = assertThrows(CudaError.class,
                () -> CudaCheck.check(CUresult.CUDA_ERROR_OUT_OF_MEMORY, "cuMemAlloc 4096 bytes"));
        assertEquals("cuMemAlloc 4096 bytes: CUDA_ERROR_OUT_OF_MEMORY", e.getMessage());
    }

    @Test
    void successPasses() {
        CudaCheck.check(CUresult.CUDA_SUCCESS, "cuInit");
    }

    @Test
    void linearShapeCoversEveryElement() {
        assertEquals("grid=(1,1,1) block=(256,1,1)", LaunchShape.linear(0).toString());
        assertEquals("grid=(2,1,1) block=(256,1,1)", LaunchShape.linear(257).toString());
        assertThrows(IllegalArgumentException.class, () -> new LaunchShape(0, 1, 1, 256, 1, 1, 0));
    }
}
