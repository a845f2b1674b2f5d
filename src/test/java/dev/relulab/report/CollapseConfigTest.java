package dev.relulab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relulab.data.FunctionTarget;
import dev.relulab.experiments.CollapseExperiment;
import dev.relulab.experiments.CollapseSettings;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Optimizer;
import org.junit.jupiter.api.Test;

/** summary.json's config reads back into the settings that wrote it (what merging shards relies on). */
class CollapseConfigTest {
    @Test
    void presetsAndOverridesRoundTrip() throws Exception {
        CollapseSettings custom = CollapseSettings.preset("lu2019-leaky");
        custom.networks = 12345;
        custom.depth = 7;
        custom.width = 3;
        custom.activation = Activation.ELU;
        custom.alpha = 0.7f;
        custom.init = Initializer.normal(0, 0.37);
        custom.firstInit = Initializer.uniform(-0.3, 0.25);
        custom.biasInit = Initializer.constant(0.1);
        custom.optimizer = Optimizer.Kind.ADAM;
        custom.lr = 3.3e-4f;
        custom.epochs = 5;
        custom.batch = 17;
        custom.points = 999;
        custom.testPoints = 77;
        custom.target = FunctionTarget.XSIN5X;
        custom.xRange = 1.3f;
        custom.seed = -42;
        custom.deadThreshold = 0.025f;
        custom.functionalTolerance = 2.5e-3;
        custom.probeEveryEpoch = false;
        for (CollapseSettings s : new CollapseSettings[] {CollapseSettings.preset("lu2019"),
            CollapseSettings.preset("lu2019-leaky"), custom}) {
            JsonNode written = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(CollapseReport.config(s)));
            CollapseSettings back = CollapseReport.settings(written);
            assertEquals(CollapseReport.config(s), CollapseReport.config(back), s.preset);
            assertEquals(new CollapseExperiment(s).describe(), new CollapseExperiment(back).describe());
        }
    }
}
