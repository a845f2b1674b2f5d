package dev.relulab.engine;

/**
 * A kernel as a launch names it: its symbol, the OpenCL program that holds it and that program's build options (empty
 * for the main program), and whether it needs double precision. {@link Kernel#id()} and {@link Kernel#variant} make
 * them.
 */
public record KernelId(String symbol, String program, String options, boolean fp64) {
    /** True for a kernel of the main program, built once per engine. */
    public boolean inMainProgram() {
        return options.isEmpty() && program.equals(Kernel.MAIN_PROGRAM);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
