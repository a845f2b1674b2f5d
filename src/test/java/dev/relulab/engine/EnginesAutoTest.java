package dev.relulab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** auto says in one line which engine it picked and, for each engine before it, why that one was skipped. */
class EnginesAutoTest {
    @Test
    void oneLineNamesThePickAndEverySkip() throws Exception {
        List<String> log = new ArrayList<>();
        try (Engine e = Engines.open(EngineKind.AUTO, new Engines.Options(), log::add)) {
            List<String> picks = new ArrayList<>();
            for (String line : log) if (line.startsWith("engine auto: ")) picks.add(line);
            assertEquals(1, picks.size(), log.toString());
            String line = picks.get(0);
            assertFalse(line.contains("\n"), line);
            assertTrue(line.startsWith("engine auto: picked " + e.kind().cliName() + " ("), line);
            if (e.kind() != EngineKind.CUDA) assertTrue(line.contains("skipped cuda: "), line);
            if (e.kind() == EngineKind.CPU) assertTrue(line.contains("; opencl: "), line);
        }
    }
}
