package dev.relulab.spark;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;
import dev.relulab.engine.cpu.CpuEngine;
import dev.relulab.engine.cuda.CudaEngine;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * The engines of one executor JVM, opened once and lent to one task at a time. A task that Spark gave a GPU
 * ({@code spark.task.resource.gpu.amount}) trains on CUDA on that GPU's address (a CUDA device ordinal, as the
 * discovery script reports it); any other task on the CPU engine with {@code spark.task.cpus} threads.
 */
public final class ExecutorEngines {
    /** The resource name of GPUs in Spark's resource scheduling. */
    public static final String GPU = "gpu";

    private static final Map<String, Queue<Engine>> IDLE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Queue<Engine> q : IDLE.values()) for (Engine e = q.poll(); e != null; e = q.poll()) e.close();
        }, "relulab-spark-engines"));
    }

    private ExecutorEngines() {}

    /** An engine lent to one task; closing the lease gives it back for the executor's next task. */
    public static final class Lease implements AutoCloseable {
        private final String key;
        private final Engine engine;

        private Lease(String key, Engine engine) {
            this.key = key;
            this.engine = engine;
        }

        public Engine engine() {
            return engine;
        }

        @Override
        public void close() {
            IDLE.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(engine);
        }
    }

    /**
     * The engine for a task of {@code engineOption} (auto, cpu or cuda): its GPU when it has one, else the CPU
     * engine; {@code cuda} without a GPU and a GPU that will not open are errors, never a silent CPU run.
     */
    public static Lease borrow(String engineOption, TaskContext context) throws EngineUnavailableException {
        String key = key(engineOption, gpuAddress(context), context.cpus());
        Queue<Engine> idle = IDLE.get(key);
        Engine e = idle == null ? null : idle.poll();
        if (e == null) e = open(key);
        return new Lease(key, e);
    }

    /** The engine a task gets, as "cuda:ADDRESS" or "cpu:THREADS", from its --engine, GPU address (or null) and cpus. */
    static String key(String engineOption, String gpu, int cpus) throws EngineUnavailableException {
        switch (engineOption) {
            case "cpu":
                return "cpu:" + cpus;
            case "auto":
                return gpu != null ? "cuda:" + gpu : "cpu:" + cpus;
            case "cuda":
                if (gpu == null) {
                    throw new EngineUnavailableException("--engine cuda: Spark gave this task no GPU; set "
                            + "spark.executor.resource.gpu.amount and spark.task.resource.gpu.amount (docs/spark.md)");
                }
                return "cuda:" + gpu;
            default:
                throw new IllegalArgumentException("--engine " + engineOption + " is not one relulab-spark runs; "
                        + "allowed: auto, cpu, cuda");
        }
    }

    static Engine open(String key) throws EngineUnavailableException {
        String arg = key.substring(key.indexOf(':') + 1);
        if (key.startsWith("cpu:")) return new CpuEngine(Math.max(1, Integer.parseInt(arg)));
        int ordinal;
        try {
            ordinal = Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw new EngineUnavailableException("GPU address '" + arg + "' is not a CUDA device ordinal; the "
                    + "discovery script must report ordinals (spark/src/main/scripts/discover-gpus.sh)");
        }
        try {
            return CudaEngine.open(ordinal);
        } catch (EngineUnavailableException e) {
            throw new EngineUnavailableException("GPU " + ordinal + " (Spark's address for this task): "
                    + e.getMessage(), e);
        }
    }

    /** The first GPU address Spark assigned to the task, or null. */
    static String gpuAddress(TaskContext context) {
        ResourceInformation info = context.resourcesJMap().get(GPU);
        return info == null || info.addresses().length == 0 ? null : info.addresses()[0];
    }
}
