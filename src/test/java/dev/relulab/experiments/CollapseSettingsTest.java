package dev.relulab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Optimizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that live with the collapse settings: defaults per optimizer, the alpha reset, every option's range. */
class CollapseSettingsTest {
    @Test
    void anOptimizerBringsItsDefaultRateUnlessOneIsGiven() {
        CollapseSettings s = CollapseSettings.preset("lu2019");
        s.optimizer(Optimizer.Kind.ADAM, null);
        assertEquals((float) Optimizer.Kind.ADAM.defaultLr, s.lr);
        s.optimizer(Optimizer.Kind.MOMENTUM, 0.3f);
        assertEquals(0.3f, s.lr);
    }

    @Test
    void anotherActivationResetsAlphaAndTheSameOneKeepsThePresets() {
        CollapseSettings leaky = CollapseSettings.preset("lu2019-leaky");
        leaky.activation(Activation.LEAKY_RELU, null);
        assertEquals(0.01f, leaky.effectiveAlpha(), "the preset's slope stays");
        leaky.activation(Activation.ELU, null);
        assertEquals(Activation.ELU.defaultAlpha, leaky.effectiveAlpha(), "a new activation takes its own default");
        leaky.activation(Activation.ELU, 0.5f);
        assertEquals(0.5f, leaky.effectiveAlpha());
    }

    @Test
    void everyRangeNamesItsOption() {
        String[][] cases = {{"networks", "--networks"}, {"depth", "--depth"}, {"width", "--width"}, {"lr", "--lr"},
            {"batch", "--batch"}, {"points", "--points"}, {"bias", "--bias-init"}, {"tol", "--functional-tol"}};
        for (String[] c : cases) {
            CollapseSettings s = CollapseSettings.preset("lu2019");
            switch (c[0]) {
                case "networks": s.networks = 0; break;
                case "depth": s.depth = 1001; break;
                case "width": s.width = 0; break;
                case "lr": s.lr = Float.NaN; break;
                case "batch": s.batch = 2_000_000_000; break;
                case "points": s.points = 0; break;
                case "bias": s.biasInit = Initializer.of(Initializer.Kind.HE_NORMAL); break;
                default: s.functionalTolerance = -1; break;
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::check, c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Rules.distinct("--rates", List.of(0.1f, 0.1f)));
    }
}
