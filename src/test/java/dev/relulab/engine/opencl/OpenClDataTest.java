package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static dev.relulab.engine.opencl.OpenClTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.Buffer;
import dev.relulab.engine.Engine;
import dev.relulab.random.KeyedPermutation;
import dev.relulab.random.Purpose;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** function_points and gather_rows against the CPU engine: x, |x| targets and permutation indices bit-identical. */
class OpenClDataTest {

    @ParameterizedTest
    @EnumSource(FunctionTarget.class)
    void functionPointsMatchCpu(FunctionTarget f) {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        Engine cpu = cpu();
        int E = 37, nPoints = 1000 + r.nextInt(3000), B = 63, start = r.nextInt(nPoints - B), netBase = r.nextInt(500);
        long dataSeed = r.nextLong();
        for (int epoch : new int[] {-1, 0, 1 + r.nextInt(100)}) {
            for (Purpose purpose : new Purpose[] {Purpose.TRAIN_POINTS, Purpose.TEST_POINTS}) {
                String where = f + " epoch=" + epoch + " " + purpose + " start=" + start + " n=" + nPoints;
                Buffer cx = cpu.floats(E * B), cy = cpu.floats(E * B);
                cpu.functionPoints(f, -1f, 1f, dataSeed, netBase, E, purpose, nPoints, start, B, epoch, cx, cy);
                Buffer gx = poisoned(cl, E * B), gy = poisoned(cl, E * B);
                cl.functionPoints(f, -1f, 1f, dataSeed, netBase, E, purpose, nPoints, start, B, epoch, gx, gy);
                assertClose("data.x " + where, download(cpu, cx), download(cl, gx), 0, 0, seed);
                // |x| is exact; sin is float here, double rounded once in Java
                double rtol = f == FunctionTarget.ABS ? 0 : RTOL_ELEMENTWISE;
                double atol = f == FunctionTarget.ABS ? 0 : 1e-7;
                assertClose("data.y " + where, download(cpu, cy), download(cl, gy), atol, rtol, seed);
                gx.close();
                gy.close();
            }
        }
    }

    @Test
    void gatherRowsReproducesThePermutation() {
        DeviceEngine cl = engine();
        long seed = newSeed();
        Random r = new Random(seed);
        Engine cpu = cpu();
        int nRows = 300 + r.nextInt(700), rowBase = r.nextInt(50), d = 7, k = 3, E = 11, B = 63;
        int start = r.nextInt(nRows - B), netBase = r.nextInt(100), epoch = r.nextInt(20);
        long dataSeed = r.nextLong();
        float[] data = new float[(rowBase + nRows) * d], labels = new float[(rowBase + nRows) * k];
        for (int i = 0; i < data.length; i++) data[i] = i;
        for (int i = 0; i < labels.length; i++) labels[i] = -i;
        Buffer cd = upload(cpu, data), cl2 = upload(cpu, labels), cx = cpu.floats(E * B * d), cy = cpu.floats(E * B * k);
        cpu.gatherRows(cd, cl2, rowBase, nRows, d, k, dataSeed, netBase, E, start, B, epoch, cx, cy);
        Buffer gd = upload(cl, data), gl = upload(cl, labels), gx = poisoned(cl, E * B * d), gy = poisoned(cl, E * B * k);
        cl.gatherRows(gd, gl, rowBase, nRows, d, k, dataSeed, netBase, E, start, B, epoch, gx, gy);
        float[] x = download(cl, gx);
        assertClose("gather.x", download(cpu, cx), x, 0, 0, seed);
        assertClose("gather.y", download(cpu, cy), download(cl, gy), 0, 0, seed);
        for (int e = 0; e < E; e++) {
            KeyedPermutation perm = new KeyedPermutation(dataSeed, netBase + e, epoch, nRows);
            for (int s = 0; s < B; s++) {
                int row = (int) x[(e * B + s) * d] / d;
                assertEquals(rowBase + perm.apply(start + s), row, "permutation index e=" + e + " s=" + s + " seed "
                        + seed);
            }
        }
        for (Buffer b : new Buffer[] {gd, gl, gx, gy}) b.close();
    }
}
