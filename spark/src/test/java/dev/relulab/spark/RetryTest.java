package dev.relulab.spark;

import static dev.relulab.spark.LocalSpark.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.Success$;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task whose first attempt fails (an injected exception) is retried by Spark and the run's files are the
 * single-process run's; a driver stopped mid-job resumes with only the unfinished tasks. local[2,2]: two task
 * threads, each task tried at most twice (plain local[2] never retries).
 */
class RetryTest {
    private static JavaSparkContext sc;
    private static final List<String> ENDS = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sc = LocalSpark.start("local[2,2]", null);
        sc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                ENDS.add(end.reason() == Success$.MODULE$ ? "ok" : "failed: " + end.reason());
            }
        });
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.stop();
    }

    /** Throws on the first attempt of shard {@code shard}, leaving a mark that it did; then trains as usual. */
    record FailFirstAttempt(int shard, String marks) implements TaskFunction {
        @Override
        public TaskResult run(SweepTask task, TaskContext context) throws Exception {
            if (task.shardIndex() == shard && context.attemptNumber() == 0) {
                Files.writeString(Path.of(marks).resolve("failed-" + task.first()), task.toString());
                throw new IllegalStateException("injected failure of " + task);
            }
            return new TaskRunner().run(task, context);
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheFilesAreUnchanged() throws Exception {
        String[] run = {"--networks", "240", "--depth", "4", "--points", "192", "--test-points", "40", "--epochs", "1",
            "--seed", "3", "--engine", "cpu"};
        Path ref = dir.resolve("ref"), spark = dir.resolve("spark"), marks = Files.createDirectory(dir.resolve("m"));
        LocalSpark.Result one = LocalSpark.relulab(concat(concat(new String[] {"collapse"}, run), "--threads", "1",
                "--out", ref.toString()));
        assertEquals(0, one.code(), one.err());
        ENDS.clear();
        LocalSpark.Result r = LocalSpark.sparkSweep(sc, new FailFirstAttempt(2, marks.toString()),
                concat(new String[] {"--task-networks", "80", "collapse"}, concat(run, "--out", spark.toString())));
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(List.of("failed-80"), LocalSpark.files(marks), "shard 2/3 failed once");
        sc.sc().listenerBus().waitUntilEmpty();
        assertEquals(1, ENDS.stream().filter(e -> e.startsWith("failed")).count(), ENDS.toString());
        assertTrue(ENDS.stream().filter(e -> e.startsWith("failed")).findFirst().get().contains("injected failure"),
                ENDS.toString());
        assertEquals(4, ENDS.size(), "3 tasks and one retry: " + ENDS);
        assertArrayEquals(Files.readAllBytes(ref.resolve("networks.csv")), Files.readAllBytes(
                spark.resolve("networks.csv")));
        assertEquals(LocalSpark.science(ref.resolve("summary.json")), LocalSpark.science(spark.resolve("summary.json")));
    }

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final AtomicInteger TRAINED = new AtomicInteger();

    /** Holds shard {@code shard} until released, then fails it; trains (and counts) the others. */
    record HoldShard(int shard) implements TaskFunction {
        @Override
        public TaskResult run(SweepTask task, TaskContext context) throws Exception {
            if (task.shardIndex() == shard) {
                RELEASE.await(120, TimeUnit.SECONDS);
                throw new IllegalStateException("the driver stops here");
            }
            TRAINED.incrementAndGet();
            return new TaskRunner().run(task, context);
        }
    }

    @Test
    void aStoppedRunResumesWithOnlyTheTasksItHadNotFinished() throws Exception {
        String[] run = {"--networks", "150", "--depth", "3", "--points", "128", "--test-points", "20", "--epochs", "1",
            "--seed", "5", "--engine", "cpu"};
        Path ref = dir.resolve("ref"), spark = dir.resolve("spark"), snapshot = dir.resolve("snapshot");
        Path staging = dir.resolve(".spark.relulab-partial");
        assertEquals(0, LocalSpark.relulab(concat(concat(new String[] {"collapse"}, run), "--threads", "1", "--out",
                ref.toString())).code());
        String[] args = concat(new String[] {"--task-networks", "50", "collapse"}, concat(run, "--out",
                spark.toString()));
        ExecutorService driver = Executors.newSingleThreadExecutor();
        try {
            Future<LocalSpark.Result> first = driver.submit(() -> LocalSpark.sparkSweep(sc, new HoldShard(3), args));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (pieces(staging) < 4) { // shards 1/3 and 2/3: a piece and a record each
                assertTrue(System.nanoTime() < deadline && !first.isDone(), "two tasks never finished");
                Thread.sleep(10);
            }
            // what a kill -9 of the driver would leave: the staging folder with the finished tasks' pieces
            copyTree(staging, snapshot);
            RELEASE.countDown();
            assertEquals(1, first.get(120, TimeUnit.SECONDS).code());
        } finally {
            driver.shutdownNow();
        }
        assertFalse(Files.exists(staging), "the failed run cleaned up after itself");
        Files.move(snapshot, staging);
        TRAINED.set(0);
        LocalSpark.Result resumed = LocalSpark.sparkSweep(sc, new HoldShard(-1), concat(args, "--resume"));
        assertEquals(0, resumed.code(), resumed.err() + resumed.out());
        assertTrue(resumed.out().contains("resumed: 2 of 3 tasks kept from the interrupted run, 1 to run"),
                resumed.out());
        assertEquals(1, TRAINED.get(), "only shard 3/3 trained again");
        assertArrayEquals(Files.readAllBytes(ref.resolve("networks.csv")), Files.readAllBytes(
                spark.resolve("networks.csv")));
    }

    private static long pieces(Path staging) throws Exception {
        Path work = staging.resolve("work");
        if (!Files.isDirectory(work)) return 0;
        try (var s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().matches("(chunk|task)-\\d+-\\d+\\.(csv|json)")).count();
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t); else Files.copy(p, t);
            }
        }
    }

    @Test
    void aTaskThatFailsEveryAttemptFailsTheRunAndLeavesNoFolder() {
        Path spark = dir.resolve("spark");
        LocalSpark.Result r = LocalSpark.sparkSweep(sc, (task, context) -> {
            throw new IllegalStateException("broken executor");
        }, "--task-networks", "50", "collapse", "--networks", "100", "--points", "64", "--test-points", "8",
                "--epochs", "1", "--engine", "cpu", "--out", spark.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("broken executor") && r.err().contains("relulab-spark task shard"), r.err());
        assertTrue(!Files.exists(spark) && !Files.exists(dir.resolve(".spark.relulab-partial")), "nothing half-written");
    }
}
