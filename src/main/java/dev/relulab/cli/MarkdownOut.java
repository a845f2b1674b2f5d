package dev.relulab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Prints a bench command's Markdown to stdout and, when {@code --out} is given, writes it to that file. */
final class MarkdownOut {
    private MarkdownOut() {}

    static void emit(CommandLine.Model.CommandSpec spec, String md, Path out) {
        spec.commandLine().getOut().print(md);
        spec.commandLine().getOut().flush();
        if (out == null) return;
        try {
            Files.writeString(out, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("--out " + out + ": " + e.getMessage());
        }
    }
}
