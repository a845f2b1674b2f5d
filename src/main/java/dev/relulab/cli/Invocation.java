package dev.relulab.cli;

import java.util.List;
import java.util.regex.Pattern;

/** The command line of this run, as typed, for summaries and internal-error reports. */
final class Invocation {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%^-]+");
    private static volatile List<String> args = List.of();

    private Invocation() {}

    static void set(String... a) {
        args = List.of(a);
    }

    /** {@code relulab ARGS}, each argument shell-quoted where it needs it. */
    static String commandLine() {
        StringBuilder b = new StringBuilder("relulab");
        for (String a : args) b.append(' ').append(quote(a));
        return b.toString();
    }

    static String quote(String a) {
        if (!a.isEmpty() && PLAIN.matcher(a).matches()) return a;
        return "'" + a.replace("'", "'\\''") + "'";
    }
}
