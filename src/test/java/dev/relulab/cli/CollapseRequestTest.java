package dev.relulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.engine.EngineKind;
import dev.relulab.experiments.CollapseSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** CollapseCommand.request(): the options a driver elsewhere (relulab-spark) runs, checked as collapse checks them. */
class CollapseRequestTest {
    private static CollapseCommand.Request request(String... args) {
        CollapseCommand c = new CollapseCommand();
        new CommandLine(c).parseArgs(args);
        return c.request();
    }

    @Test
    void gridOptionsGiveTheGridTheCommandWouldRun() {
        CollapseCommand.Request r = request("--networks", "77", "--depths", "2,9", "--widths", "3,4,5", "--seed", "4",
                "--engine", "cpu", "--threads", "2");
        assertEquals(6, r.grid().cells().size());
        CollapseSettings last = r.grid().cells().get(5);
        assertEquals(5, last.width);
        assertEquals(9, last.depth);
        assertEquals(77, last.networks);
        assertEquals(4, last.seed);
        assertEquals(EngineKind.CPU, r.engine());
        assertEquals(2, r.threads());
        assertNull(r.shard());
    }

    @Test
    void aSingleRunHasNoGridAndKeepsItsShard() {
        CollapseCommand.Request r = request("--networks", "10", "--depth", "3", "--shard", "2/5");
        assertNull(r.grid());
        assertEquals(3, r.base().depth);
        assertEquals("2/5", r.shard().toString());
        assertEquals(EngineKind.AUTO, r.engine());
    }

    @Test
    void badOptionsAreTheCommandsUsageErrors() {
        UsageError both = assertThrows(UsageError.class, () -> request("--depth", "3", "--depths", "2,4"));
        assertTrue(both.getMessage().contains("--depth and --depths"), both.getMessage());
        UsageError width = assertThrows(UsageError.class, () -> request("--width", "0"));
        assertTrue(width.getMessage().contains("--width"), width.getMessage());
        assertThrows(UsageError.class, () -> request("--overwrite", "--resume", "--out", "x"));
    }
}
