package dev.relulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.Engine;
import dev.relulab.engine.EngineKind;
import dev.relulab.engine.EngineUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * Which engine a task gets. Spark's local mode gives tasks no GPU resources (its LocalSchedulerBackend offers cores
 * only), so the choice is tested here from the address a cluster would give, not through a local-mode job.
 */
class ExecutorEnginesTest {
    @Test
    void aTaskWithAGpuTrainsOnItAndOneWithoutOnTheCpuWithItsTaskCpus() throws Exception {
        assertEquals("cuda:1", ExecutorEngines.key("auto", "1", 4));
        assertEquals("cpu:4", ExecutorEngines.key("auto", null, 4));
        assertEquals("cpu:2", ExecutorEngines.key("cpu", "0", 2), "--engine cpu leaves the GPU alone");
        assertEquals("cuda:0", ExecutorEngines.key("cuda", "0", 1));
    }

    @Test
    void cudaWithoutAGpuAndOtherEnginesAreRefusedInOneLine() {
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> ExecutorEngines.key("cuda", null, 1));
        assertTrue(e.getMessage().contains("spark.task.resource.gpu.amount"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExecutorEngines.key("opencl", null, 1));
    }

    @Test
    void aGpuThatDoesNotOpenFailsTheTaskNamingTheAddressNeverFallingBackToTheCpu() throws Exception {
        Engine e;
        try {
            e = ExecutorEngines.open("cuda:0");
        } catch (EngineUnavailableException ex) {
            assertTrue(ex.getMessage().startsWith("GPU 0 (Spark's address for this task): "), ex.getMessage());
            return;
        }
        try (e) {
            assertEquals(EngineKind.CUDA, e.kind(), "this machine has a GPU: it must be CUDA's");
        }
    }

    @Test
    void anAddressThatIsNotAnOrdinalIsRefused() {
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> ExecutorEngines.open("cuda:GPU-8f2a"));
        assertTrue(e.getMessage().contains("discover-gpus.sh"), e.getMessage());
    }

    @Test
    void cpuTasksGetTheirThreads() throws Exception {
        try (Engine e = ExecutorEngines.open("cpu:3")) {
            assertEquals(EngineKind.CPU, e.kind());
            assertEquals(3, e.parallelChunks());
        }
    }
}
