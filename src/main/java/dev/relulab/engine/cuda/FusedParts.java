package dev.relulab.engine.cuda;

import dev.relulab.engine.EngineUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fused-trainer variants of the build's fused-K.fatbin parts (build-cuda.sh compiles them in parallel, one part
 * per core), loaded into the current context; each shipped variant ({@link ShippedVariants}) is found in one part when
 * the engine opens, so that a stale build fails then.
 */
final class FusedParts implements AutoCloseable {
    private final List<KernelModule> parts = new ArrayList<>();
    private final Map<String, KernelModule> owner = new HashMap<>();

    FusedParts() throws EngineUnavailableException {
        try {
            for (int k = 0; KernelModule.exists(part(k)); k++) parts.add(new KernelModule(part(k)));
            for (String name : ShippedVariants.SYMBOLS) {
                for (KernelModule m : parts) if (m.has(name)) owner.put(name, m);
                if (!owner.containsKey(name)) {
                    throw new EngineUnavailableException("fused kernel " + name + " is in no fused-K.fatbin (the"
                            + " fatbins are older than cuda/fused_variants.h; rebuild)");
                }
            }
        } catch (EngineUnavailableException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static String part(int k) {
        return "/kernels/fused-" + k + ".fatbin";
    }

    /** The part that holds shipped variant {@code symbol}, or null for a symbol the build does not ship. */
    KernelModule owner(String symbol) {
        return owner.get(symbol);
    }

    @Override
    public void close() {
        for (KernelModule m : parts) m.close();
        parts.clear();
        owner.clear();
    }
}
