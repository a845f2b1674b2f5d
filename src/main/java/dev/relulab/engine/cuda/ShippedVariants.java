package dev.relulab.engine.cuda;

import dev.relulab.engine.FusedVariant;
import dev.relulab.nn.Activation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fused-trainer variants the CUDA build ships: the lines of native-kernels/cuda/fused_variants.h (read from the
 * jar), expanded to kernel symbols as build-cuda.sh expands them, which compiles each into one of the fused-K.fatbin
 * parts. Other configurations train op by op on CUDA.
 */
final class ShippedVariants {
    static final String RESOURCE = "/kernels/cuda/fused_variants.h";
    private static final Pattern ONE_LANE = Pattern.compile("^FV_ONE_LANE\\((\\w+), *(\\d+), *(\\d+), *(\\d+)\\)");
    private static final Pattern WORK_GROUP = Pattern.compile("^FV_WORK_GROUP\\((\\w+), *(\\d+)\\)");
    /** Kernel symbols of every shipped variant, in the list's order; empty when the jar has no list. */
    static final Set<String> SYMBOLS = Collections.unmodifiableSet(new LinkedHashSet<>(read()));

    private ShippedVariants() {}

    /** The kernel symbols that {@code text} (fused_variants.h) lists, in its order. */
    static List<String> symbols(String text) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher one = ONE_LANE.matcher(line.trim()), group = WORK_GROUP.matcher(line.trim());
            if (one.find()) {
                Activation act = Activation.parse(one.group(1));
                int width = Integer.parseInt(one.group(2));
                for (int h = Integer.parseInt(one.group(3)); h <= Integer.parseInt(one.group(4)); h++) {
                    names.add(FusedVariant.symbol(act, width, h, 1));
                }
            } else if (group.find()) {
                names.add(FusedVariant.symbol(Activation.parse(group.group(1)), Integer.parseInt(group.group(2)), 0,
                        FusedVariant.LANES));
            }
        }
        return names;
    }

    private static List<String> read() {
        try (InputStream in = ShippedVariants.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return List.of();
            return symbols(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
