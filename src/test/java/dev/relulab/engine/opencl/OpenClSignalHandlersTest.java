package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** After the engine opened and ran its kernels, the JVM's own handlers for the signals it relies on are in place. */
class OpenClSignalHandlersTest {
    @Test
    void jvmHandlersSurviveTheDriver() {
        DeviceEngine cl = OpenClTestSupport.engine();
        cl.fill(cl.floats(3), 1f, 3);
        cl.synchronize();
        Assumptions.assumeTrue(SignalHandlers.recorded(11) != 0, "signal handlers are not tracked on this OS");
        for (int sig : new int[] {4, 7, 8, 11, 12, 25}) {
            assertEquals(SignalHandlers.recorded(sig), SignalHandlers.installed(sig), "handler of signal " + sig);
        }
    }
}
