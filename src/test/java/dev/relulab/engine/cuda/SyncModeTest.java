package dev.relulab.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relulab.engine.Buffer;
import dev.relulab.engine.DeviceEngine;
import dev.relulab.engine.KernelPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** -Drelulab.sync=true: a fault of queued work is reported against the launch that queued it, with its range. */
class SyncModeTest {
    /** A device whose queued work faults, as a kernel that reads past its buffer does on a GPU. */
    private static final class FaultingDevice extends RecordingDevice {
        FaultingDevice() {
            super(false);
        }

        @Override
        public void synchronize() {
            if (!launches.isEmpty()) throw new IllegalStateException("cuStreamSynchronize: CUDA_ERROR_ILLEGAL_ADDRESS");
        }
    }

    @AfterEach
    void clear() {
        System.clearProperty(KernelPlan.SYNC_PROPERTY);
    }

    @Test
    void syncModeNamesTheFaultingKernelAndItsRange() {
        System.setProperty(KernelPlan.SYNC_PROPERTY, "true");
        DeviceEngine eng = new DeviceEngine(new FaultingDevice());
        Buffer b = eng.device().allocate(1000, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> eng.fill(b, 1f, 1000));
        assertEquals("fill_f32 global=(1000,1) local=(device default) faulted: cuStreamSynchronize: CUDA_ERROR_ILLEGAL_ADDRESS",
                e.getMessage());
    }

    @Test
    void withoutSyncModeTheFaultSurfacesAtTheNextWait() {
        DeviceEngine eng = new DeviceEngine(new FaultingDevice());
        Buffer b = eng.device().allocate(1000, false);
        eng.fill(b, 1f, 1000);
        IllegalStateException e = assertThrows(IllegalStateException.class, eng::synchronize);
        assertEquals("cuStreamSynchronize: CUDA_ERROR_ILLEGAL_ADDRESS", e.getMessage());
    }
}
