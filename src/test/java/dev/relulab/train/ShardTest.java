package dev.relulab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void shardsCoverTheEnsembleOnceInNearlyEqualParts() {
        long seed = Long.getLong("relulab.seed", System.nanoTime());
        SplittableRandom rng = new SplittableRandom(seed);
        for (int trial = 0; trial < 500; trial++) {
            int networks = 1 + rng.nextInt(trial < 250 ? 100 : Integer.MAX_VALUE);
            int count = 1 + rng.nextInt(Math.min(networks, 64));
            int next = 0, min = Integer.MAX_VALUE, max = 0;
            for (int k = 1; k <= count; k++) {
                Shard s = new Shard(k, count);
                assertEquals(next, s.first(networks), "seed " + seed + ": shard " + s + " of " + networks);
                next += s.size(networks);
                min = Math.min(min, s.size(networks));
                max = Math.max(max, s.size(networks));
            }
            assertEquals(networks, next, "seed " + seed + ": " + count + " shards of " + networks);
            assertTrue(min >= 1 && max - min <= 1, "seed " + seed + ": sizes " + min + ".." + max);
        }
    }

    @Test
    void parsesKOfNAndNamesTheFormOtherwise() {
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
        for (String bad : new String[] {"0/4", "5/4", "2", "2/", "a/b", "1/2/3", "-1/2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("K"), e.getMessage());
        }
    }

    @Test
    void aShardKeepsTheWholeEnsemblesPerNetworkRates() {
        float[] rates = new float[10];
        for (int i = 0; i < rates.length; i++) rates[i] = 0.001f * (i + 1);
        dev.relulab.nn.Architecture arch = dev.relulab.nn.Architecture.mlp(1, 2, 3, 1, dev.relulab.nn.Activation.RELU,
                0f, dev.relulab.nn.Loss.MSE, dev.relulab.nn.Initializer.of(dev.relulab.nn.Initializer.Kind.GLOROT_UNIFORM),
                dev.relulab.nn.Initializer.of(dev.relulab.nn.Initializer.Kind.ZEROS));
        TrainingConfig whole = new TrainingConfig(arch, dev.relulab.nn.Optimizer.of(dev.relulab.nn.Optimizer.Kind.SGD),
                0.01f, 1, 8, 10, 7L, 0f, TrainingConfig.DEFAULT_FUNCTIONAL_TOLERANCE, true, rates);
        for (int[] range : new int[][] {{0, 5}, {3, 4}, {7, 3}}) {
            TrainingConfig shard = whole.shard(range[0], range[1]);
            assertEquals(range[0], shard.firstNetwork);
            assertEquals(range[1], shard.networks);
            for (int g = range[0]; g < range[0] + range[1]; g++) assertEquals(rates[g], shard.lr(g), 0f, "network " + g);
        }
        assertThrows(IllegalArgumentException.class, () -> whole.shard(8, 3));
        assertThrows(IllegalArgumentException.class, () -> whole.shard(2, 3).shard(0, 2));
    }
}
