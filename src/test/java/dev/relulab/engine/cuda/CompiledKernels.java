package dev.relulab.engine.cuda;

import dev.relulab.engine.Arg;
import dev.relulab.engine.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every kernel as nvcc compiled it, read from what native-kernels/build-cuda.sh leaves in target/cuda-build: the
 * parameter types of relulab.ptx and fused.ptx (the ABI the driver sees: the main unit, and one fused-trainer variant of
 * each form), the parameter names and C types of relulab.ii and fused.ii (the same units as nvcc preprocessed them)
 * and ptxas's resource report per kernel and architecture (registers, stack frame, static shared memory), which lists
 * every fused variant the build compiled. The two parameter lists are checked against each other when read, and the
 * compiled members of a family compiled per configuration against each other: they share one parameter list.
 */
final class CompiledKernels {
    /** Where the build writes them, relative to the project folder the tests run in. */
    static final Path FOLDER = Path.of("target", "cuda-build");

    /** One parameter: its name and C type from the source, its PTX type from the compiled module. */
    record Param(String name, String cType, String ptxType) {
        /** The ABI type a launch must pass. */
        Arg.Type abiType() {
            boolean pointer = cType.contains("*");
            String base = cType.replace("*", "").trim();
            if (pointer) return base.equals("int") ? Arg.Type.INT_PTR : Arg.Type.FLOAT_PTR;
            if (base.equals("float")) return Arg.Type.FLOAT;
            if (base.equals("double")) return Arg.Type.DOUBLE;
            return Arg.Type.INT;
        }
    }

    /** ptxas's report for one kernel on one architecture. */
    record Resources(int registers, int stackBytes, int sharedBytes) {}

    final Map<String, List<Param>> params = new LinkedHashMap<>();
    /** Kernel -> architecture (sm_80, sm_90) -> resources. */
    final Map<String, Map<String, Resources>> resources = new LinkedHashMap<>();

    private static final Pattern ENTRY = Pattern.compile("^\\.visible \\.entry (\\w+)\\($");
    private static final Pattern PTX_PARAM = Pattern.compile("^\\s*\\.param \\.(\\w+)(?: \\.ptr[ .\\w]*)? (\\w+)(,)?$");
    private static final Pattern GLOBAL_FN = Pattern.compile("__attribute__\\(\\(global\\)\\) void (\\w+)\\s*\\(");
    private static final Pattern COMPILING = Pattern.compile("Compiling entry function '(\\w+)' for '(sm_\\d+)'");
    private static final Pattern STACK = Pattern.compile("^\\s*(\\d+) bytes stack frame");
    private static final Pattern USED = Pattern.compile("Used (\\d+) registers(?:.*?, (\\d+) bytes smem)?");

    static boolean built() {
        for (String f : new String[] {"relulab.ptx", "relulab.ii", "fused.ptx", "fused.ii", "ptxas.txt"}) {
            if (!Files.isRegularFile(FOLDER.resolve(f))) return false;
        }
        return true;
    }

    static CompiledKernels read() throws IOException {
        CompiledKernels k = new CompiledKernels();
        k.readUnit("relulab");
        k.readUnit("fused");
        k.readResources(Files.readAllLines(FOLDER.resolve("ptxas.txt")));
        for (Kernel f : Kernel.values()) {
            if (f.program.equals(Kernel.MAIN_PROGRAM)) continue;
            for (Map.Entry<String, List<Param>> e : k.params.entrySet()) {
                List<Param> first = k.family(f.symbol);
                if (e.getKey().startsWith(f.symbol + "_") && !e.getValue().equals(first)) {
                    throw new IllegalStateException(e.getKey() + "'s parameters differ from those of the other "
                            + f.symbol + " variants: " + e.getValue() + " / " + first);
                }
            }
        }
        return k;
    }

    /**
     * The parameter list of {@code symbol}: its own where its unit was compiled to PTX, else, for a variant of a family
     * compiled per configuration that ptxas compiled (fused-K.fatbin), its family's; null for a kernel not built.
     */
    List<Param> paramsOf(String symbol) {
        if (params.containsKey(symbol)) return params.get(symbol);
        if (!resources.containsKey(symbol)) return null;
        for (Kernel f : Kernel.values()) {
            if (!f.program.equals(Kernel.MAIN_PROGRAM) && symbol.startsWith(f.symbol + "_")) return family(f.symbol);
        }
        return null;
    }

    /** The parameter list of the compiled members of family {@code symbol} (fused_v2_*), or null when none was read. */
    List<Param> family(String symbol) {
        for (Map.Entry<String, List<Param>> e : params.entrySet()) {
            if (e.getKey().startsWith(symbol + "_")) return e.getValue();
        }
        return null;
    }

    /** Reads {@code name}.ptx and {@code name}.ii, one translation unit. */
    private void readUnit(String name) throws IOException {
        Map<String, List<String>> ptx = ptxTypes(Files.readAllLines(FOLDER.resolve(name + ".ptx")));
        Map<String, List<String[]>> src = sourceParams(Files.readString(FOLDER.resolve(name + ".ii")));
        if (!ptx.keySet().equals(src.keySet())) {
            throw new IllegalStateException("kernels in " + name + ".ptx " + ptx.keySet() + " differ from " + name
                    + ".ii's " + src.keySet());
        }
        for (Map.Entry<String, List<String>> e : ptx.entrySet()) {
            List<String[]> named = src.get(e.getKey());
            if (named.size() != e.getValue().size()) {
                throw new IllegalStateException(e.getKey() + ": " + named.size() + " parameters in the source, "
                        + e.getValue().size() + " in the PTX");
            }
            List<Param> list = new ArrayList<>();
            for (int i = 0; i < named.size(); i++) {
                Param p = new Param(named.get(i)[0], named.get(i)[1], e.getValue().get(i));
                if (!ptxTypeFor(p.abiType()).equals(p.ptxType())) {
                    throw new IllegalStateException(e.getKey() + " parameter " + i + " " + p + ": C type and PTX type"
                            + " disagree");
                }
                list.add(p);
            }
            params.put(e.getKey(), list);
        }
    }

    /** The PTX type nvcc gives a parameter of this ABI type. */
    static String ptxTypeFor(Arg.Type t) {
        switch (t) {
            case INT: return "u32";
            case FLOAT: return "f32";
            case DOUBLE: return "f64";
            default: return "u64";
        }
    }

    private static Map<String, List<String>> ptxTypes(List<String> lines) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ENTRY.matcher(lines.get(i).trim());
            if (!m.matches()) continue;
            List<String> types = new ArrayList<>();
            for (int j = i + 1; j < lines.size() && !lines.get(j).trim().startsWith(")"); j++) {
                Matcher p = PTX_PARAM.matcher(lines.get(j));
                if (!p.matches()) throw new IllegalStateException("unexpected PTX parameter line: " + lines.get(j));
                types.add(p.group(1).replace("s32", "u32").replace("b32", "u32").replace("b64", "u64"));
            }
            out.put(m.group(1), types);
        }
        return out;
    }

    /** name -> [parameter name, C type] for every extern "C" __global__ function of the preprocessed unit. */
    private static Map<String, List<String[]>> sourceParams(String unit) {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        Matcher m = GLOBAL_FN.matcher(unit);
        while (m.find()) {
            int close = unit.indexOf(')', m.end());
            String list = unit.substring(m.end(), close).replaceAll("\\s+", " ").trim();
            List<String[]> ps = new ArrayList<>();
            for (String decl : list.isEmpty() ? new String[0] : list.split(",")) {
                String d = decl.replace("__restrict__", " ").replace("const ", " ").replace("*", " * ").trim();
                String[] tokens = d.split("\\s+");
                String name = tokens[tokens.length - 1];
                String type = String.join(" ", java.util.Arrays.copyOf(tokens, tokens.length - 1)).replace(" *", "*")
                        .replace("unsigned int", "uint");
                ps.add(new String[] {name, type});
            }
            out.put(m.group(1), ps);
        }
        return out;
    }

    private void readResources(List<String> lines) {
        String kernel = null, arch = null;
        int stack = 0;
        for (String line : lines) {
            Matcher c = COMPILING.matcher(line);
            if (c.find()) {
                kernel = c.group(1);
                arch = c.group(2);
                stack = 0;
                continue;
            }
            Matcher s = STACK.matcher(line);
            if (s.find() && kernel != null) stack = Integer.parseInt(s.group(1));
            Matcher u = USED.matcher(line);
            if (u.find() && kernel != null) {
                int smem = u.group(2) == null ? 0 : Integer.parseInt(u.group(2));
                resources.computeIfAbsent(kernel, x -> new LinkedHashMap<>())
                        .put(arch, new Resources(Integer.parseInt(u.group(1)), stack, smem));
                kernel = null;
            }
        }
    }
}
