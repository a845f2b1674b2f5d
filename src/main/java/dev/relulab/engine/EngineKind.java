package dev.relulab.engine;

import java.util.Locale;

/** The engines users can ask for; {@code AUTO} picks CUDA, then an OpenCL GPU, then the CPU. */
public enum EngineKind {
    AUTO, CPU, CUDA, OPENCL;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EngineKind parse(String text) {
        for (EngineKind k : values()) {
            if (k.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) return k;
        }
        throw new IllegalArgumentException("unknown engine '" + text + "'; allowed: auto, cpu, cuda, opencl");
    }
}
