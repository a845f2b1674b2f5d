package dev.relulab.engine;

import dev.relulab.nn.Activation;
import dev.relulab.nn.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One compile-time variant of the fused trainer (native-kernels/common/fused_v2.h, fused_v2_lanes.h) for a network:
 * its kernel ({@link Kernel#FUSED_V2_ONE_LANE} or {@link Kernel#FUSED_V2_LANES} with the variant's tag and -D set),
 * its launch range and the local memory it needs. {@link #lanes} is 1 (one work item per network, the network's
 * state in registers; depth compile-time) or {@link #LANES} (one work group per network, one lane per example; depth
 * a loop); 64 lanes compile too (OpenCL, forced only). {@link KernelPlan#fusedVariant} picks one for a device.
 */
public final class FusedVariant {
    /** Work items per group of the one-lane kernels (FV_GROUP) on a GPU: one warp. */
    public static final int GROUP = 32;
    /**
     * The same on a CPU device, where a work group's items run one after the other: small groups spread networks of
     * unequal cost (alive ones take several times longer than born-dead ones) evenly over the cores.
     */
    public static final int CPU_GROUP = 8;
    /** Lanes per network of the work-group kernels (FV_LANES). */
    public static final int LANES = 32;
    /**
     * The lane rule on a GPU: one item per network only when the ensemble fills at least this many warps per
     * compute unit (below, most SMs would idle); with exact skipping the launch is then ordered ({@link FusedOrder}),
     * or a warp of 32 networks would run the full path as long as one of them is alive.
     */
    public static final int FILL_WARPS = 8;
    /** Training sets up to this size live in the work-group kernels' local memory (FL_TABLE_MAX). */
    public static final int TABLE_POINTS = 4096;

    public final FusedNetwork net;
    public final int width, hidden, lanes;
    /** Work items per group of a one-lane variant ({@link #GROUP} or {@link #CPU_GROUP}). */
    public final int group;
    public final boolean slopes;

    private FusedVariant(FusedNetwork net, int lanes, int group) {
        this.net = net;
        this.width = net.arch.width(1);
        this.hidden = net.arch.hiddenLayers();
        this.lanes = lanes;
        this.group = group;
        this.slopes = net.arch.hidden == Activation.PRELU;
    }

    /** The variant of {@code net} with {@code lanes} lanes per network (1 or {@link #LANES}), GPU groups. */
    public static FusedVariant of(FusedNetwork net, int lanes) {
        return of(net, lanes, GROUP);
    }

    /** The same with {@code group} items per group for the one-lane kernels. */
    public static FusedVariant of(FusedNetwork net, int lanes, int group) {
        if (!allowedLanes(lanes)) {
            throw new IllegalArgumentException("lanes per network must be 1, 32 or 64, got " + lanes);
        }
        if (group < 1 || group > 1024) throw new IllegalArgumentException("group of " + group + " work items");
        return new FusedVariant(net, lanes, group);
    }

    /** 1, {@link #LANES} or 64. */
    public static boolean allowedLanes(int lanes) {
        return lanes == 1 || lanes == LANES || lanes == 64;
    }

    /**
     * Whether the one-lane kernel keeps this network's state in registers on a GPU without spilling: the parameters
     * and their gradients twice plus one example's z within 200 floats (the CUDA build's one-lane variants all fit;
     * ptxas confirms it per variant).
     */
    public boolean fitsRegisters() {
        return 2 * trained() + hidden * width <= 200;
    }

    /**
     * Lanes per network for E networks: {@code net.lanes} when it forces a mode; on a CPU device 1 (each work item
     * runs a whole network's loops, no barriers); on a GPU 1 only when a one-lane variant exists and E fills
     * {@link #FILL_WARPS} warps on each of {@code computeUnits} (with exact skipping the launch is then ordered,
     * {@link FusedOrder}); else {@link #LANES}, whose latency per network is lower.
     */
    public static int lanesFor(FusedNetwork net, int E, boolean gpu, int computeUnits, boolean oneLaneAvailable) {
        if (net.lanes != 0) return net.lanes;
        if (!gpu) return 1;
        boolean fills = (long) E >= (long) FILL_WARPS * 32 * Math.max(1, computeUnits);
        return oneLaneAvailable && fills && (!net.skips() || FusedOrder.applies(net, true)) ? 1 : LANES;
    }

    /** Weights and biases per network in the kernels' layout (per layer W [nOut][nIn], then b). */
    public int parameters() {
        return 2 * width + (hidden - 1) * (width * width + width) + width + 1;
    }

    /** Parameters plus the PReLU slopes. */
    public int trained() {
        return parameters() + (slopes ? hidden * width : 0);
    }

    /** Optimizer state floats per parameter. */
    public int slots() {
        return net.optimizer.kind == Optimizer.Kind.ADAM ? 2 : net.optimizer.kind == Optimizer.Kind.MOMENTUM ? 1 : 0;
    }

    /** The variant's tag: activation, width, (depth,) lanes, as in {@code relu_w2_h10_l1}. */
    public String tag() {
        return tag(net.arch.hidden, width, hidden, lanes);
    }

    /** The tag of the variant of {@code act} at {@code width} (and {@code hidden} layers where lanes is 1). */
    public static String tag(Activation act, int width, int hidden, int lanes) {
        return act.cliName() + "_w" + width + (lanes == 1 ? "_h" + hidden : "") + "_l" + lanes;
    }

    /** The kernel family of a lane mode: one work item per network, or a work group. */
    public static Kernel family(int lanes) {
        return lanes == 1 ? Kernel.FUSED_V2_ONE_LANE : Kernel.FUSED_V2_LANES;
    }

    /** The kernel symbol of a variant ({@code fused_v2_relu_w2_h10_l1}), as the CUDA build names it. */
    public static String symbol(Activation act, int width, int hidden, int lanes) {
        return family(lanes).symbol + "_" + tag(act, width, hidden, lanes);
    }

    /** The kernel as a launch names it: its symbol and the OpenCL build options of {@link #defines()}. */
    public KernelId kernel() {
        return family(lanes).variant(tag(), defines());
    }

    /**
     * Local floats of one work group: one-lane kernels keep each item's optimizer state and ReDo sums there
     * ([slots][PT][item], then [HW][item]); the work-group kernels their whole plan (fused_v2_lanes.h, plan_floats).
     */
    public int localFloats() {
        int HW = hidden * width, PT = trained();
        if (lanes == 1) return group * (slots() * PT + HW);
        int rows = (1 + HW) + HW + (HW + 1) + (slopes ? HW : 0) + 3 + hidden + 2;
        int table = net.trainPoints <= TABLE_POINTS ? net.trainPoints : 0;
        return 2 * lanes + (2 + slots()) * PT + rows * (lanes + 1) + 2 * hidden + HW + 4 + table;
    }

    /** Work items per group. */
    public int local() {
        return lanes == 1 ? group : lanes;
    }

    /** Global work items for E networks. */
    public long global(int E) {
        return lanes == 1 ? ((long) E + group - 1) / group * group : (long) E * lanes;
    }

    /** The launch over E networks: {@link #global} items in groups of {@link #local}, {@link #localFloats} of local memory. */
    public LaunchRange range(int E) {
        return new LaunchRange(global(E), 1, local(), 1, Float.BYTES * Math.max(1, localFloats()));
    }

    /**
     * Whether the launch keeps each network's training points in a table ([E][nTrain] floats, filled by the first
     * probe): on a CPU device one work item per network reads them back from its caches instead of drawing a Philox
     * block per example; a GPU computes them (the gathers would be uncoalesced).
     */
    public boolean pointTable(boolean gpu) {
        return lanes == 1 && !gpu;
    }

    /**
     * The -D options of this variant as OpenCL builds it: shape, lanes, slopes, tag, the activation and the optimizer
     * as constants, and the local size (the CUDA build defines the same macros, less the optimizer and local size, from
     * cuda/fused_variants.h).
     */
    public Map<String, Object> defines() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("FV_W", width);
        if (lanes == 1) {
            d.put("FV_H", hidden);
            d.put("FV_GROUP", group);
        }
        d.put("FV_LANES", lanes);
        d.put("FV_SLOPES", slopes ? 1 : 0);
        d.put("FV_TAG", "_" + tag());
        d.put("FV_ACT", net.arch.hidden.code);
        d.put("FV_OPT", net.optimizer.kind.code);
        d.put("FV_LOCAL_FLOATS", Math.max(1, localFloats()));
        return d;
    }

    /** One line for the CLI and reports: the kernel, its lanes, whether exact skipping is on and the launch ordered. */
    public String describe(boolean ordered) {
        return "fused v2 (" + kernel().symbol() + ", " + (lanes == 1 ? "one work item" : lanes + " lanes") + " per network"
                + (net.skips() ? ", exact skipping" : "") + (ordered ? ", ordered" : "") + ")";
    }

    @Override
    public String toString() {
        return kernel().symbol();
    }
}
