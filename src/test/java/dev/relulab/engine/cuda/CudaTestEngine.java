package dev.relulab.engine.cuda;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineUnavailableException;
import org.junit.jupiter.api.Assumptions;

/** The one CUDA engine the CUDA tests share, opened at first use and closed when the JVM exits. */
final class CudaTestEngine {
    private static Engine engine;
    private static String unavailable;

    private CudaTestEngine() {}

    /** The engine; skips the calling test with the one-line reason when this machine has no CUDA device. */
    static synchronized Engine get() {
        if (engine == null && unavailable == null) {
            try {
                engine = CudaEngine.open();
                Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
            } catch (EngineUnavailableException e) {
                unavailable = "no CUDA engine: " + e.getMessage().lines().findFirst().orElse("");
            }
        }
        Assumptions.assumeTrue(engine != null, unavailable);
        return engine;
    }
}
