package dev.relulab.cli;

import static dev.relulab.cli.CollapseCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.cli.CollapseCommandTest.Result;
import dev.relulab.train.Progress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI walk's smaller findings: where errors point, help that does not cut, suggestions, the progress bar. */
class CliMessagesTest {
    @Test
    void errorsUnderASubcommandNameItsFullHelpCommand() {
        Result r = run("bench", "activations", "--bogus");
        assertEquals(Main.EXIT_USAGE, r.code);
        assertTrue(r.err.contains("Try 'relulab bench activations --help'"), r.err);
        Result top = run("bogus");
        assertEquals(Main.EXIT_USAGE, top.code);
        assertTrue(top.err.contains("Try 'relulab --help'") && !top.err.contains("relulab relulab"), top.err);
    }

    @Test
    void anUnknownOptionOrCommandSuggestsTheNearest() {
        Result r = run("collapse", "--nettworks", "3");
        assertEquals(Main.EXIT_USAGE, r.code);
        assertTrue(r.err.contains("Did you mean --networks?"), r.err);
        Result c = run("colapse");
        assertTrue(c.err.contains("collapse"), c.err);
    }

    @Test
    void topLevelHelpGivesEveryCommandAWholeSentence() {
        Result r = run("--help");
        assertEquals(0, r.code);
        String commands = r.out.substring(r.out.indexOf("Commands:") + "Commands:".length());
        // picocli wraps long lines under the command with extra indentation: join them before judging
        List<String> entries = List.of(commands.replaceAll("\\n\\s{10,}", " ").strip().split("\\n"));
        assertTrue(entries.size() >= 11, entries.toString());
        for (String e : entries) {
            assertTrue(e.strip().endsWith("."), "a description cut mid-sentence: '" + e.strip() + "'");
        }
    }

    @Test
    void theBarFollowsStandardErrorAndAGridsEtaWeighsItsCells() throws Exception {
        // surefire pipes standard error, whatever standard output is: no bar
        assertFalse(Progress.stderrIsTerminal());
        try (Progress p = Progress.start("t", 100, false)) {
            Progress deep = p.weighted(9), shallow = p.weighted(1);
            shallow.advance(10);
            assertEquals(10, p.done());
            deep.advance(10);
            assertEquals(100, p.done(), "a cell nine times the cost of another counts nine times the units a step");
        }
    }
}
