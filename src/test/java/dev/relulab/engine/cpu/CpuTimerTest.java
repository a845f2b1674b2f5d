package dev.relulab.engine.cpu;

import dev.relulab.engine.TimerChecks;
import org.junit.jupiter.api.Test;

class CpuTimerTest {
    @Test
    void wallClockTimerMeetsTheContract() {
        try (CpuEngine cpu = new CpuEngine(1)) {
            TimerChecks.check(cpu);
        }
    }
}
