package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relulab.engine.Buffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Engine.copy on OpenCL: the prefix is copied bit for bit, the rest of the destination is left alone. */
class OpenClCopyTest {
    @Test
    void copiesThePrefixOnly() {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        int n = 1 + r.nextInt(100_000), count = 1 + r.nextInt(n);
        float[] src = normal(r, n, 1), dst = normal(r, n, 1);
        float[] want = dst.clone();
        System.arraycopy(src, 0, want, 0, count);
        int[] isrc = new int[n], idst = new int[n];
        for (int i = 0; i < n; i++) {
            isrc[i] = r.nextInt();
            idst[i] = r.nextInt();
        }
        int[] iwant = idst.clone();
        System.arraycopy(isrc, 0, iwant, 0, count);
        try (Buffer s = upload(cl, src); Buffer d = upload(cl, dst); Buffer is = uploadInts(cl, isrc);
             Buffer id = uploadInts(cl, idst)) {
            cl.copy(s, d, count);
            cl.copy(is, id, count);
            assertSameInts("copy float", bits(want), bits(download(cl, d)), seed);
            assertSameInts("copy int", iwant, downloadInts(cl, id), seed);
            assertThrows(IllegalArgumentException.class, () -> cl.copy(s, id, 1), "float into int");
            assertThrows(IllegalArgumentException.class, () -> cl.copy(s, d, n + 1L), "past the end");
        }
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits(v[i]);
        return out;
    }
}
