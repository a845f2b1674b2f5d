package dev.relulab.engine;

import dev.relulab.data.FunctionTarget;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Loss;
import dev.relulab.nn.Optimizer;
import dev.relulab.random.Purpose;

/**
 * The ensemble-batched float32 operations every engine implements; the trainer and the experiments are written
 * against this interface only. E networks of one chunk are processed per call. Layouts are ensemble-major and packed
 * for the call's batch size B: activations {@code [E][B][n]}, weights {@code [E][nOut][nIn]}, biases and per-unit
 * vectors {@code [E][n]}, per-network scalars {@code [E]}. Operations are asynchronous on device engines; {@link
 * #read} synchronises. The CPU engine is the reference: every other engine must match it within the tolerances of
 * DESIGN.md.
 */
public interface Engine extends AutoCloseable {

    EngineKind kind();

    /** The device in words (GPU name, OpenCL device, or the CPU and its thread count). */
    String deviceName();

    /** How many chunks the trainer may run at once on this engine, each from its own thread (1 on a GPU). */
    int parallelChunks();

    /** The most networks one chunk may hold when each needs {@code bytesPerNetwork} of engine memory. */
    int maxChunkNetworks(long bytesPerNetwork);

    /** A zeroed float32 buffer of n elements. */
    Buffer floats(long n);

    /** A zeroed int32 buffer of n elements. */
    Buffer ints(long n);

    /** Copies {@code src[0..count)} into the buffer's first elements. */
    void write(Buffer dst, float[] src, int count);

    void writeInts(Buffer dst, int[] src, int count);

    /** Copies the buffer's first {@code count} elements to {@code dst}, waiting for queued work first. */
    void read(Buffer src, float[] dst, int count);

    void readInts(Buffer src, int[] dst, int count);

    /** Sets the first {@code count} elements to {@code value} (for an int buffer, {@code (int) value}). */
    void fill(Buffer dst, float value, long count);

    /** Copies {@code src[0..count)} into {@code dst[0..count)} on the engine (both float or both int buffers). */
    void copy(Buffer src, Buffer dst, long count);

    /**
     * Initial weights of one layer for networks [netBase, netBase + E): {@code w [E][fanOut][fanIn]} from stream (seed,
     * network, WEIGHTS, layer), exactly as {@link Initializer#fillWeights}; RAI also writes {@code b [E][fanOut]}
     * ({@code b} may be null otherwise).
     */
    void initWeights(Initializer init, long seed, int netBase, int E, int layer, int fanIn, int fanOut, Buffer w,
                     Buffer b);

    /** Initial biases {@code b [E][n]} from stream (seed, network, BIASES, layer), exactly as {@link Initializer#fillBiases}. */
    void initBiases(Initializer init, long seed, int netBase, int E, int layer, int n, Buffer b);

    /**
     * Fused dense + bias + activation: z = W x + b, a = phi(z) for every network, example and unit; where {@code alive}
     * is given, sets {@code alive[e][j] = 1} for each unit whose activation derivative was non-zero on some example
     * (an OR over the batch; never cleared here). {@code slope} holds PReLU's per-unit slopes, else {@code alpha}
     * applies.
     */
    void denseForward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer b, Activation act, float alpha,
                      Buffer slope, Buffer z, Buffer a, Buffer alive);

    /**
     * Fused backward of {@link #denseForward}: turns {@code dA} (dL/da) into dL/dz in place, then writes (not adds)
     * dW = sum_b dz x^T, db = sum_b dz, dSlope (PReLU only) and, if {@code dX} is non-null, dX = W^T dz.
     */
    void denseBackward(int E, int B, int nIn, int nOut, Buffer x, Buffer w, Buffer z, Activation act, float alpha,
                       Buffer slope, Buffer dA, Buffer dW, Buffer db, Buffer dSlope, Buffer dX);

    /**
     * Loss of the logits {@code out [E][B][n]} against {@code target}: writes dL/dout (the batch mean's gradient) to
     * {@code dOut}, the batch-mean loss to {@code lossLast[e]}, adds it to {@code lossSum[e]}, and sets
     * {@code diverged[e] = 1} when it is NaN or infinite.
     */
    void loss(Loss loss, int E, int B, int n, Buffer out, Buffer target, Buffer dOut, Buffer lossLast,
              Buffer lossSum, Buffer diverged);

    /**
     * One optimizer step on a parameter tensor of {@code perNet} elements per network, with network e's learning
     * rate {@code lr[e]}; networks with {@code diverged[e] != 0} are left as they are. {@code s1}/{@code s2} are the
     * optimizer's state (momentum velocity; Adam m and v), {@code correction} Adam's bias correction for this step.
     */
    void optimizerStep(Optimizer opt, int E, long perNet, Buffer param, Buffer grad, Buffer s1, Buffer s2,
                       Buffer lr, float correction, Buffer diverged);

    /**
     * Points of a function target, generated from counters: for k in [0, B), position p = start + k and index i =
     * p (when {@code epoch < 0}) or the keyed permutation of [0, nPoints) for (seed, network, epoch) applied to p;
     * then x = lo + (hi - lo) u, u from stream (seed, netBase + e, purpose, 0) element i, and y = f(x).
     */
    void functionPoints(FunctionTarget f, float lo, float hi, long seed, int netBase, int E, Purpose purpose,
                        int nPoints, int start, int B, int epoch, Buffer x, Buffer y);

    /**
     * Minibatch gather from a data set stored once for all networks: rows {@code rowBase + i} of {@code data [N][d]}
     * and {@code labels [N][k]}, with i chosen as in {@link #functionPoints} from N = {@code nRows}.
     */
    void gatherRows(Buffer data, Buffer labels, int rowBase, int nRows, int d, int k, long seed, int netBase, int E,
                    int start, int B, int epoch, Buffer x, Buffer y);

    /**
     * Dead-mask reduction for one hidden layer: {@code dead[e * layers + layer]} = number of units with
     * {@code alive == 0}; if {@code everDead} is non-null, first {@code revived[e * layers + layer]} = units alive now
     * that {@code everDead} marks, then {@code everDead |= !alive}.
     */
    void reduceDead(int E, int n, Buffer alive, Buffer everDead, Buffer dead, Buffer revived, int layers, int layer);

    /** Adds |a| over the batch to {@code sums [E][n]} (for the ReDo dormant-unit score). */
    void absSum(int E, int B, int n, Buffer a, Buffer sums);

    /**
     * Marks units alive (1) or dormant (0) by the ReDo rule: dormant when sum_j is at most tau times the mean of the
     * layer's sums; with tau = 0, dormant exactly when the sum is zero.
     */
    void dormantMask(int E, int n, Buffer sums, float tau, Buffer alive);

    /**
     * Accumulates per-network, per-output statistics of {@code v [E][B][n]} for the collapse tests: {@code
     * stats [E][n][4]} holds (reference value, all-equal flag, sum of (v - ref), sum of (v - ref)^2). On {@code first}
     * the reference is the column's first value and the flag starts at 1; the flag drops to 0 when a value differs
     * from the reference (float equality, so NaN is never equal).
     */
    void outputStats(int E, int B, int n, Buffer v, Buffer stats, boolean first);

    /**
     * True when {@link #trainFused} can train this network here: the device engines within their fused kernels'
     * limits where the device has a variant (CUDA: those its build ships), the CPU engine for every function-target
     * training.
     */
    default boolean canTrainFused(FusedNetwork net) {
        return false;
    }

    /**
     * Trains networks [netBase, netBase + E) of {@code net} in one fused kernel (after one that draws the initial
     * parameters), from initialisation to the test pass, as the op-by-op trainer does with the other operations;
     * network e learns at {@code lr[e]}. Writes {@code counts [E][4H + 2]} (dead units per hidden layer at the start,
     * at the end, revived at the end; diverged flag; steps trained on the exact-skipping path; per hidden layer the
     * probe epoch it was first entirely dead at, -1 never: {@link FusedNetwork#countsPerNetwork()}) and {@code stats
     * [E][9]} (last epoch's loss sum, then prediction and target statistics as {@link #outputStats}).
     * A network whose diverged slot reads {@link FusedNetwork#REDO} was left undone; the trainer trains it op by op.
     */
    default void trainFused(FusedNetwork net, int netBase, int E, Buffer lr, Buffer counts, Buffer stats) {
        throw new UnsupportedOperationException(kind() + " engine has no fused training");
    }

    /** How {@link #trainFused} trains E networks of {@code net} here, in one line for the CLI (variant, lanes). */
    default String fusedPath(FusedNetwork net, int E) {
        return "fused";
    }

    /** Waits for all queued work. */
    void synchronize();

    /**
     * Runs {@code op} and returns how long the engine took to do the work it queued, in seconds: between device
     * events where the engine has them (CUDA events, OpenCL profiling), else wall time between two {@link
     * #synchronize()} calls. Returns after the work is done.
     */
    default double timeSeconds(Runnable op) {
        return wallSeconds(this, op);
    }

    /** Wall time of {@code op} between two {@link #synchronize()} calls, host work included, in seconds. */
    static double wallSeconds(Engine engine, Runnable op) {
        engine.synchronize();
        long t0 = System.nanoTime();
        op.run();
        engine.synchronize();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** True when the engine runs on a GPU (benches size their default workloads by it); false on CPU devices. */
    default boolean onGpu() {
        return false;
    }

    /** How {@link #timeSeconds} measures, in a few words for reports. */
    default String timerName() {
        return "wall clock around synchronize()";
    }

    /** Frees the engine's context; buffers must be closed first. Logs, never throws. */
    @Override
    void close();
}
