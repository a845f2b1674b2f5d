package dev.relulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.cli.CollapseCommand;
import dev.relulab.train.Plan;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How a run or grid is cut into tasks, without Spark. */
class SweepPlanTest {
    static CollapseCommand.Request request(String... args) {
        CollapseCommand c = new CollapseCommand();
        new CommandLine(c).parseArgs(args);
        return c.request();
    }

    @Test
    void everyNetworkOfEveryCellIsInExactlyOneTaskAndTheLargestComeFirst() {
        Random rnd = new Random();
        long seed = rnd.nextLong();
        rnd.setSeed(seed);
        int networks = 1 + rnd.nextInt(5000), cap = 1 + rnd.nextInt(700);
        SweepPlan p = new SweepPlan(request("--networks", Integer.toString(networks), "--depths", "3,12",
                "--widths", "2,5"), "auto", cap, 1L << 30);
        assertEquals(4, p.cells.size());
        int[][] covered = new int[4][networks];
        for (SweepTask t : p.tasks) {
            assertTrue(t.count() >= 1 && t.count() <= cap, "seed " + seed + ": " + t);
            for (int e = t.first(); e < t.first() + t.count(); e++) covered[t.cell()][e]++;
            assertEquals(p.cells.get(t.cell()).prefix(), "cell-" + t.cell() + "-");
        }
        for (int[] c : covered) for (int n : c) assertEquals(1, n, "seed " + seed);
        for (int i = 1; i < p.tasks.size(); i++) {
            assertTrue(p.tasks.get(i - 1).cost() >= p.tasks.get(i).cost(), "seed " + seed + ": largest first");
        }
        // the deepest, widest cell costs the most per network
        assertEquals(3, p.tasks.get(0).cell(), "seed " + seed);
    }

    @Test
    void taskMemoryCutsTasksByTheMemoryPlan() {
        long perNetwork = SweepPlan.taskBytesPerNetwork(10);
        assertTrue(perNetwork > Plan.resultBytesPerNetwork(10), "the CSV text counts too");
        SweepPlan p = new SweepPlan(request("--networks", "100000", "--depth", "10"), "cpu", 1 << 20,
                perNetwork * 30_000);
        assertEquals(4, p.tasks.size(), "30,000 networks fit a task: 100,000 take 4");
        assertTrue(p.tasks.stream().allMatch(t -> t.count() == 25_000 && t.shardCount() == 4), p.tasks.toString());
        SweepPlan capped = new SweepPlan(request("--networks", "100000", "--depth", "10"), "cpu", 10_000,
                perNetwork * 30_000);
        assertEquals(10, capped.tasks.size(), "--task-networks caps what memory allows");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SweepPlan(
                request("--networks", "10"), "cpu", 100, perNetwork / 2));
        assertTrue(e.getMessage().startsWith("--task-memory"), e.getMessage());
    }

    @Test
    void aSingleRunIsCellZeroWithThePiecesOfTheCliCheckpoint() {
        SweepPlan p = new SweepPlan(request("--networks", "10"), "auto", 4, 1L << 30);
        assertEquals(3, p.tasks.size());
        SweepTask t = p.tasks.stream().filter(x -> x.shardIndex() == 2).findFirst().orElseThrow();
        assertEquals("chunk-3-3.csv", t.pieceName(), "shard 2/3 of 10 networks holds 3..5");
        assertEquals("task-3-3.json", t.metaName());
    }

    @Test
    void shardsAndOtherEnginesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SweepPlan(request("--shard", "1/2"), "auto", 4, 1L << 30));
        assertThrows(IllegalArgumentException.class, () -> new SweepPlan(request(), "opencl", 4, 1L << 30));
        assertThrows(IllegalArgumentException.class, () -> new SweepPlan(request(), "auto", 0, 1L << 30));
    }
}
