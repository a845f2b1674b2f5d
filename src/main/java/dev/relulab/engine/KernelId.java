package dev.relulab.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A kernel as a launch names it: its symbol, the OpenCL program that holds it and that program's build options (empty
 * for the main program), and whether it needs double precision. {@link Kernel#id()} and {@link Kernel#variant} make
 * them.
 */
public record KernelId(String symbol, String program, String options, boolean fp64) {
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern MACRO = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("-?[A-Za-z0-9_.]+");

    /**
     * The configuration {@code tag} of kernel family {@code family} in OpenCL program {@code program}: symbol {@code
     * <family>_<tag>}, build options {@code -DKEY=VALUE} for each define (sorted by key) and {@code
     * -DRELULAB_KERNEL=<symbol>}, which the program names its kernel with.
     */
    public static KernelId variant(String family, String program, boolean fp64, String tag, Map<String, ?> defines) {
        if (!TAG.matcher(tag).matches()) throw new IllegalArgumentException(family + ": bad variant tag '" + tag + "'");
        String name = family + "_" + tag;
        StringBuilder options = new StringBuilder();
        for (Map.Entry<String, ?> d : new TreeMap<String, Object>(defines).entrySet()) {
            String value = String.valueOf(d.getValue());
            if (!MACRO.matcher(d.getKey()).matches() || d.getKey().equals(Kernel.SYMBOL_MACRO)
                    || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException(name + ": bad define " + d.getKey() + "=" + value);
            }
            options.append("-D").append(d.getKey()).append('=').append(value).append(' ');
        }
        options.append("-D").append(Kernel.SYMBOL_MACRO).append('=').append(name);
        return new KernelId(name, program, options.toString(), fp64);
    }

    /** True for a kernel of the main program, built once per engine. */
    public boolean inMainProgram() {
        return options.isEmpty() && program.equals(Kernel.MAIN_PROGRAM);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
