package dev.relulab.engine.opencl;

import dev.relulab.engine.DeviceEngine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relulab.engine.TimerChecks;
import org.junit.jupiter.api.Test;

class OpenClTimerTest {
    @Test
    void profilingEventTimerMeetsTheContract() {
        DeviceEngine cl = OpenClTestSupport.engine();
        assertEquals("OpenCL profiling events", cl.timerName());
        TimerChecks.check(cl);
    }
}
