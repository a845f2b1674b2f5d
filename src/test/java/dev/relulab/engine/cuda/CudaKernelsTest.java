package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CudaKernelsTest {
    @Test
    void narrowLayersRunOneThreadPerOutput() {
        assertEquals("dense_forward_v1", CudaKernels.denseForwardVersion(1000, 64, 1, 8));
        assertEquals("dense_forward_v1", CudaKernels.denseForwardVersion(1000, 64, 32, 32));
    }

    @Test
    void wideLayersRunTiles() {
        assertEquals("dense_forward_v2", CudaKernels.denseForwardVersion(10, 64, 784, 128));
    }

    @Test
    void tiledGridThatWouldOverflowGridYFallsBack() {
        assertEquals("dense_forward_v1", CudaKernels.denseForwardVersion(100_000, 64, 784, 128));
    }

    @Test
    void chunkFitsFreeMemoryWithHeadroom() {
        assertEquals(768, MemoryPlan.maxNetworks(1L << 30, 1 << 20), "1 GiB free less the 256 MiB floor");
        long free = 5L << 30;
        assertEquals((long) (free * (1 - MemoryPlan.HEADROOM_FRACTION)) >> 20, MemoryPlan.maxNetworks(free, 1 << 20));
        assertEquals(1, MemoryPlan.maxNetworks(1 << 20, 1L << 40), "at least one network, even when none fits");
    }

    @Test
    void chunkTensorsStayIndexableWith32BitInts() {
        int n = MemoryPlan.maxNetworks(80L << 30, 1 << 20);
        assertTrue((long) n * (1 << 20) / Float.BYTES <= Integer.MAX_VALUE, "networks: " + n);
    }
}
