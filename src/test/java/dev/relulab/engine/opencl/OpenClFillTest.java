package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.Arg;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Kernel;
import dev.relulab.engine.LaunchRange;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fresh buffers are zero, fill and write/read round-trip exactly, and over-large shapes are refused clearly. */
class OpenClFillTest {

    @Test
    void fillWriteReadRoundTrip() {
        DeviceEngine cl = engine();
        long seed = newSeed();
        int n = 1 + new Random(seed).nextInt(5000);
        Buffer f = cl.floats(n), i = cl.ints(n);
        assertArrayEquals(new float[n], download(cl, f), "fresh float buffer is zero");
        assertArrayEquals(new int[n], downloadInts(cl, i), "fresh int buffer is zero");
        cl.fill(f, -2.5f, n - 1);
        cl.fill(i, 7.9f, n);
        float[] wantF = new float[n];
        Arrays.fill(wantF, 0, n - 1, -2.5f);
        int[] wantI = new int[n];
        Arrays.fill(wantI, 7);
        assertArrayEquals(wantF, download(cl, f));
        assertArrayEquals(wantI, downloadInts(cl, i));
        float[] v = normal(new Random(seed), n, 1);
        cl.write(f, v, n);
        assertArrayEquals(v, download(cl, f), "seed " + seed);
        f.close();
        i.close();
    }

    @Test
    void failedLaunchNamesCallKernelShapeAndError() {
        DeviceEngine cl = engine();
        Buffer b = cl.floats(4);
        OpenClException e = assertThrows(OpenClException.class,
                () -> cl.device().launch(Kernel.FILL_F32.id(), new LaunchRange(16, 16, 1 << 15, 1 << 15),
                        new Arg[] {Arg.floats("dst", b), Arg.f("value", 1f), Arg.i("count", 4)}));
        assertTrue(e.getMessage().startsWith("clEnqueueNDRangeKernel fill_f32 global=(16,16,1) local=(32768,32768,1): "
                + "CL_INVALID_"), e.getMessage());
        cl.fill(b, 2f, 4);
        assertArrayEquals(new float[] {2f, 2f, 2f, 2f}, download(cl, b), "the queue works after a refused launch");
        b.close();
    }

    @Test
    void refusesShapesBeyond32BitIndices() {
        DeviceEngine cl = engine();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cl.floats(1L << 31));
        assertTrue(e.getMessage().contains("2^31"), e.getMessage());
        Buffer small = cl.floats(4);
        e = assertThrows(IllegalArgumentException.class, () -> cl.denseForward(1 << 16, 1 << 10, 1, 64, small, small,
                small, dev.relulab.nn.Activation.RELU, 0, null, small, small, null));
        assertTrue(e.getMessage().contains("denseForward"), e.getMessage());
        small.close();
    }
}
