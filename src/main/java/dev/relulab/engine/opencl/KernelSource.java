package dev.relulab.engine.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenCL program text: {@code opencl/relulab.cl} (or {@code opencl/fused.cl}) from the jar's {@code kernels/} resources (or the source tree's
 * native-kernels/ when run from an IDE), with each quoted {@code #include} replaced by the file's text once, and
 * {@code #line} markers so that the driver's build log names the original file and line.
 */
final class KernelSource {
    static final String MAIN = "opencl/relulab.cl";
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"\\s*$");

    private KernelSource() {}

    static String load() {
        return load(MAIN);
    }

    /** The program text of kernels/{@code main} with its includes inlined. */
    static String load(String main) {
        StringBuilder out = new StringBuilder();
        expand(main, out, new HashSet<>());
        return out.toString();
    }

    private static void expand(String path, StringBuilder out, Set<String> seen) {
        if (!seen.add(path)) return;
        String[] lines = read(path).split("\n", -1);
        out.append("#line 1 \"").append(path).append("\"\n");
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        for (int i = 0; i < lines.length; i++) {
            Matcher m = INCLUDE.matcher(lines[i]);
            if (m.matches()) {
                expand(normalize(dir + m.group(1)), out, seen);
                out.append("#line ").append(i + 2).append(" \"").append(path).append("\"\n");
            } else {
                out.append(lines[i]).append('\n');
            }
        }
    }

    static String normalize(String path) {
        return Path.of(path).normalize().toString().replace('\\', '/');
    }

    private static String read(String path) {
        try (InputStream in = KernelSource.class.getResourceAsStream("/kernels/" + path)) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Path file = Path.of("native-kernels", path);
            if (Files.exists(file)) return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + path, e);
        }
        throw new IllegalStateException("kernel source kernels/" + path + " is missing from the class path");
    }
}
