package dev.relulab.engine;

import java.util.Map;

/**
 * Every kernel of native-kernels/, named once: its symbol in the CUDA fatbin and in the OpenCL program. The ABI of each
 * (parameter order and types, launch range) is native-kernels/README.md; {@link KernelPlan} and {@link DenseLaunches}
 * are the only code that launches them. A kernel family compiled per configuration lives in its own OpenCL program and
 * is launched through {@link #variant}.
 */
public enum Kernel {
    FILL_F32("fill_f32"),
    FILL_I32("fill_i32"),
    DENSE_FORWARD_V1("dense_forward_v1"),
    DENSE_FORWARD_V2("dense_forward_v2"),
    DENSE_BIAS_ACTIVATION("dense_bias_activation"),
    PRELU_SLOPE_GRAD("prelu_slope_grad"),
    ACTIVATION_BACKWARD("activation_backward"),
    DENSE_BACKWARD_WEIGHTS("dense_backward_weights"),
    DENSE_BACKWARD_WEIGHTS_V2("dense_backward_weights_v2"),
    DENSE_BACKWARD_BIAS("dense_backward_bias"),
    DENSE_BACKWARD_DX_V1("dense_backward_dx_v1"),
    DENSE_BACKWARD_DX_V2("dense_backward_dx_v2"),
    LOSS_V1("loss_v1"),
    OPTIMIZER_STEP("optimizer_step"),
    FUNCTION_POINTS("function_points"),
    GATHER_ROWS("gather_rows"),
    REDUCE_DEAD("reduce_dead"),
    ABS_SUM("abs_sum"),
    DORMANT_MASK("dormant_mask"),
    OUTPUT_STATS("output_stats"),
    INIT_PARAMS("init_params", true),
    INIT_RAI("init_rai", true),
    FUSED_INIT("fused_init"),
    /** The sort key of the one-lane fused launch's order (common/fused_order.h; {@link FusedOrder}). */
    FUSED_ORDER_KEY("fused_order_key"),
    /** The fused trainer with one work item per network (common/fused_v2.h); a variant per shape ({@link FusedVariant}). */
    FUSED_V2_ONE_LANE("fused_v2", false, "opencl/fused_l1.cl"),
    /** The fused trainer with a work group per network (common/fused_v2_lanes.h); a variant per width. */
    FUSED_V2_LANES("fused_v2", false, "opencl/fused_lanes.cl");

    /** The OpenCL program of the fixed kernels (every kernel family of common/), built once when an engine opens. */
    public static final String MAIN_PROGRAM = "opencl/relulab.cl";
    /** The macro a variant's OpenCL program names its kernel with (nvcc builds define it per instantiated variant). */
    public static final String SYMBOL_MACRO = "RELULAB_KERNEL";


    /** The function's name in the fatbin and the OpenCL program. */
    public final String symbol;
    /** True when the kernel needs double precision (on OpenCL: only on devices with cl_khr_fp64). */
    public final boolean fp64;
    /** The OpenCL program that holds the kernel (a family's own program when it is compiled per configuration). */
    public final String program;
    private final KernelId id;

    Kernel(String symbol) {
        this(symbol, false);
    }

    Kernel(String symbol, boolean fp64) {
        this(symbol, fp64, MAIN_PROGRAM);
    }

    Kernel(String symbol, boolean fp64, String program) {
        this.symbol = symbol;
        this.fp64 = fp64;
        this.program = program;
        this.id = new KernelId(symbol, program, "", fp64);
    }

    /** The kernel of the main program, as launches name it. */
    public KernelId id() {
        return id;
    }

    /**
     * One compile-time configuration of this kernel family: CUDA finds it as {@code <symbol>_<tag>} in the fatbin (the
     * .cu file instantiates it with the same macros); OpenCL builds {@link #program} with {@code -DKEY=VALUE} per
     * define and {@code -DRELULAB_KERNEL=<symbol>_<tag>}, once per configuration. Only for families with their own
     * program (the main program's kernels have one configuration).
     */
    public KernelId variant(String tag, Map<String, ?> defines) {
        if (program.equals(MAIN_PROGRAM)) {
            throw new IllegalArgumentException(symbol + " is a kernel of the main program, not a family of variants");
        }
        return KernelId.variant(symbol, program, fp64, tag, defines);
    }

    /** The kernel whose symbol is {@code symbol}, for tools that read the fatbin or a kernel listing. */
    public static Kernel bySymbol(String symbol) {
        for (Kernel k : values()) if (k.symbol.equals(symbol)) return k;
        throw new IllegalArgumentException("no kernel '" + symbol + "'; known: " + names());
    }

    private static String names() {
        StringBuilder b = new StringBuilder();
        for (Kernel k : values()) b.append(b.length() == 0 ? "" : ", ").append(k.symbol);
        return b.toString();
    }
}
