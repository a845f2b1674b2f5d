package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relulab.engine.LaunchRange;
import jcuda.driver.CUresult;
import org.junit.jupiter.api.Test;

class CudaCheckTest {
    @Test
    void failedLaunchNamesCallKernelShapeAndError() {
        CudaError e = assertThrows(CudaError.class, () -> CudaCheck.check(CUresult.CUDA_ERROR_INVALID_VALUE,
                "cuLaunchKernel", "dense_forward", LaunchShape.of(LaunchRange.linear(64 * 256))));
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
        assertEquals("grid=(1,1,1) block=(256,1,1)", LaunchShape.of(LaunchRange.linear(1)).toString());
        assertEquals("grid=(2,1,1) block=(256,1,1)", LaunchShape.of(LaunchRange.linear(257)).toString());
        assertEquals("grid=(4,1,1) block=(32,1,1)", LaunchShape.of(LaunchRange.linear(100, 32)).toString());
        assertEquals("grid=(8,21,1) block=(16,16,1)", LaunchShape.of(LaunchRange.tiles(8, 21, 16)).toString());
        assertThrows(IllegalArgumentException.class, () -> new LaunchShape(0, 1, 1, 256, 1, 1, 0));
    }
}
