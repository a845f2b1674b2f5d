package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.relulab.engine.Kernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * native-kernels/README.md's ABI table lists every compiled kernel with its parameters' names and types in order, and
 * each family compiled per configuration once, under its family symbol (fused_v2), with the list its variants share.
 */
class KernelDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| (.+?) \\| .*\\|$");
    private static final Pattern SAME = Pattern.compile("same as `(\\w+)`");

    @Test
    void abiTableMatchesTheCompiledKernels() throws Exception {
        if (!CompiledKernels.built()) {
            if ("true".equals(System.getenv("CI"))) fail("no target/cuda-build: CI must compile the CUDA kernels");
            Assumptions.assumeTrue(false, "nvcc was not on the PATH at build time");
        }
        CompiledKernels compiled = CompiledKernels.read();
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("native-kernels", "README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches() && !m.group(1).contains("common")) table.put(m.group(1), m.group(2));
        }
        Map<String, List<CompiledKernels.Param>> want = new LinkedHashMap<>();
        Set<String> families = new TreeSet<>();
        for (Kernel k : Kernel.values()) {
            if (k.program.equals(Kernel.MAIN_PROGRAM)) continue;
            families.add(k.symbol);
            want.put(k.symbol, compiled.family(k.symbol));
        }
        for (Map.Entry<String, List<CompiledKernels.Param>> e : compiled.params.entrySet()) {
            if (families.stream().noneMatch(f -> e.getKey().startsWith(f + "_"))) want.put(e.getKey(), e.getValue());
        }
        assertEquals(new TreeSet<>(want.keySet()), new TreeSet<>(table.keySet()), "kernels in the table");
        for (Map.Entry<String, String> row : table.entrySet()) {
            String params = row.getValue();
            Matcher same = SAME.matcher(params);
            if (same.matches()) params = table.get(same.group(1));
            assertEquals(compiledParams(want.get(row.getKey())), documented(params), row.getKey());
        }
    }

    private static List<String> compiledParams(List<CompiledKernels.Param> params) {
        List<String> out = new ArrayList<>();
        for (CompiledKernels.Param p : params) out.add(p.cType().replace(" ", "") + " " + p.name());
        return out;
    }

    private static List<String> documented(String params) {
        List<String> out = new ArrayList<>();
        for (String p : params.replace("`", "").split(",")) {
            String d = p.trim().replace("?", "");
            int space = d.lastIndexOf(' ');
            out.add(d.substring(0, space).replace(" ", "") + " " + d.substring(space + 1));
        }
        return out;
    }
}
