package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryPlanTest {
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

    @Test
    void localMemoryOfAStackFrameOnAnH200() {
        // 22,464 bytes of stack per thread (the removed v1 fused kernel's; the v2 variants have none), on an H200's
        // 132 SMs of 2048 resident threads each
        assertEquals(6_072_827_904L, MemoryPlan.localReservation(22_464, 132, 2048));
    }
}
