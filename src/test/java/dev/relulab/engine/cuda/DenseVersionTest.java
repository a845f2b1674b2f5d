package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.DenseLaunches;
import org.junit.jupiter.api.Test;

/** The plan's rule for the tiled dense kernels on a device that prefers tiles (the CUDA engine's). */
class DenseVersionTest {
    private final DenseLaunches dense = new DeviceEngine(new RecordingDevice(false)).plan().dense();

    @Test
    void narrowLayersRunOneThreadPerOutput() {
        assertEquals(1, dense.version(1000, 64, 1, 8));
        assertEquals(1, dense.version(1000, 64, 32, 32));
    }

    @Test
    void wideLayersRunTiles() {
        assertEquals(2, dense.version(10, 64, 784, 128));
    }

    @Test
    void tiledGridThatWouldOverflowGridYFallsBack() {
        assertEquals(2, dense.version(4095, 256, 784, 128), "4095 networks x 16 tile rows = 65520 rows");
        assertEquals(1, dense.version(4096, 256, 784, 128), "4096 x 16 = 65536 rows: past CUDA's 65535");
        assertEquals(1, dense.version(100_000, 64, 784, 128));
    }
}
