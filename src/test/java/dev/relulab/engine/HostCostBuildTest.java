package dev.relulab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.cpu.fused.FusedCpuTrainer;
import dev.relulab.train.FunctionData;
import dev.relulab.train.TrainingConfig;
import dev.relulab.train.TrainingParity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost model's x86 build (native-kernels/host/fused_cost.c: fused_init, fused_order_key and the lu2019 one-lane
 * variant compiled as plain C) trains what the CPU engine trains: the same born-dead networks, the same steps on the
 * skipping path, the same loss sums to the last printed digit, and fused_order_key marks the networks its Java twin
 * marks. So the instruction counts of docs/performance.md are counts of the code the devices run. Needs gcc.
 */
class HostCostBuildTest {
    private static final int E = 60, H = 10;

    @TempDir
    Path tmp;

    @Test
    void theX86BuildTrainsTheCpuEnginesNetworks() throws Exception {
        Path bin = tmp.resolve("fused_cost");
        Path src = Path.of("native-kernels/host/fused_cost.c"), common = Path.of("native-kernels/common");
        List<String> cc = List.of("gcc", "-O1", "-ffp-contract=off", "-DRELULAB_HOST", "-DFV_W=2", "-DFV_H=" + H,
                "-DFV_GROUP=1", "-DFV_LANES=1", "-DFV_SLOPES=0", "-DFV_ACT=1", "-DFV_TAG=_relu_w2_h10_l1",
                "-I", common.toString(), "-o", bin.toString(), src.toString(), "-lm", "-lpthread");
        Result built;
        try {
            built = exec(cc);
        } catch (IOException e) {
            Assumptions.abort("no gcc here: " + e.getMessage());
            return;
        }
        assertEquals(0, built.code, "gcc: " + built.out);
        int first = new Random().nextInt(10_000);
        Result run = exec(List.of(bin.toString(), Integer.toString(E), "1", "2", "0", Integer.toString(first), "32"));
        assertEquals(0, run.code, run.out);

        TrainingConfig cfg = TrainingParity.lu2019(E, 1999);
        FunctionData data = TrainingParity.lu2019Data();
        FusedNetwork net = new FusedNetwork(cfg.arch, cfg.optimizer, 1999, data.target, data.lo, data.hi,
                data.trainSize(), data.testSize(), cfg.batch, cfg.epochs, true, 0f);
        int stride = net.countsPerNetwork();
        int[] counts = new int[E * stride];
        float[] stats = new float[E * FusedNetwork.STATS], lr = new float[E];
        java.util.Arrays.fill(lr, 0.01f);
        FusedCpuTrainer.train(net, first, E, lr, counts, stats);
        int bornDead = 0, skipped = 0, keyed = 0, keyedAlive = 0;
        double check = 0;
        float[] init = initialParameters(net, first);
        for (int e = 0; e < E; e++) {
            boolean dead = false;
            for (int h = 0; h < H; h++) dead |= counts[e * stride + h] == 2;
            bornDead += dead ? 1 : 0;
            skipped += counts[e * stride + 3 * H + 1];
            check += stats[e * FusedNetwork.STATS];
            int key = FusedOrder.key(init, E, e, first, 1999, 2, H, 32, data.lo, data.hi);
            keyed += key > 0 ? 1 : 0;
            keyedAlive += key > 0 && !dead ? 1 : 0;
        }
        String where = " (networks " + first + " to " + (first + E - 1) + ")\n" + run.out;
        assertTrue(bornDead > E / 2, "lu2019: most networks born dead" + where);
        Matcher m = Pattern.compile("networks (\\d+), born dead (\\d+), steps on the skipping path (\\d+) of (\\d+), "
                + "loss checksum (\\S+)").matcher(line(run.out, "networks "));
        assertTrue(m.matches(), "the driver's summary line" + where);
        assertEquals(List.of(E, bornDead, skipped, E * net.totalSteps()), List.of(Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))),
                "networks, born dead, steps on the skipping path, steps" + where);
        assertEquals(Double.parseDouble(String.format(Locale.ROOT, "%.9g", check)), Double.parseDouble(m.group(5)),
                "the loss sums' checksum to 9 digits (printed by C's %.9g)" + where);
        assertEquals(String.format(Locale.ROOT, "fused_order_key (32 points): %d keyed, %d of them not born dead", keyed,
                keyedAlive), line(run.out, "fused_order_key"), where);
    }

    /** init [P][E] in fused_init's layout (per layer W [nOut][nIn], then b), drawn on the host. */
    private static float[] initialParameters(FusedNetwork net, int first) {
        int L = net.arch.layers(), P = FusedVariant.of(net, 1, FusedVariant.CPU_GROUP).parameters();
        float[] init = new float[P * E];
        for (int e = 0; e < E; e++) {
            int off = 0;
            for (int l = 1; l <= L; l++) {
                int nIn = net.arch.width(l - 1), nOut = net.arch.width(l);
                float[] w = new float[nIn * nOut], b = new float[nOut];
                HostInit.biases(net.arch.biasInit, 1999, first + e, 1, l, nOut, b);
                HostInit.weights(net.arch.weightInit(l), 1999, first + e, 1, l, nIn, nOut, w, b);
                for (int k = 0; k < nIn * nOut; k++) init[(off + k) * E + e] = w[k];
                for (int j = 0; j < nOut; j++) init[(off + nIn * nOut + j) * E + e] = b[j];
                off += (nIn + 1) * nOut;
            }
        }
        return init;
    }

    private static String line(String out, String start) {
        for (String l : out.split("\n")) if (l.startsWith(start)) return l.strip();
        return "(no line starting with '" + start + "')";
    }

    private record Result(int code, String out) {}

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running: " + cmd);
        return new Result(p.exitValue(), out);
    }
}
