package dev.relulab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Each activation against an independent double-precision formula: the value directly, the derivative by central
 * finite differences of that formula in double (h = 1e-5, truncation error ~1e-10).
 */
class ActivationTest {
    /** Fresh each run; replay a failure with -Drelulab.seed=N (the message prints N). */
    static final long SEED = Long.getLong("relulab.seed", System.nanoTime());

    @ParameterizedTest
    @EnumSource(Activation.class)
    void valueAndDerivativeMatchIndependentDoubleFormulas(Activation a) {
        Random rnd = new Random(SEED + a.ordinal());
        float alpha = a == Activation.PRELU ? 0.25f : a.defaultAlpha;
        DoubleUnaryOperator ref = DoubleReference.activation(a, alpha);
        double h = 1e-5;
        for (int t = 0; t < 400; t++) {
            float z = (float) (rnd.nextGaussian() * 3);
            if (Math.abs(z) < 1e-3) continue; // keep the central difference off the kinks at 0
            double want = ref.applyAsDouble(z);
            double wantD = (ref.applyAsDouble(z + h) - ref.applyAsDouble(z - h)) / (2 * h);
            float got = a.value(z, alpha), gotD = a.derivative(z, alpha);
            // float32 math (exp/tanh in double, rounded once): a few ulps relative plus a tiny absolute floor
            assertEquals(want, got, 1e-6 + 4e-7 * Math.abs(want), a + " value at z=" + z + " seed " + SEED);
            assertEquals(wantD, gotD, 1e-5 + 1e-5 * Math.abs(wantD), a + " derivative at z=" + z + " seed " + SEED);
        }
    }

    @Test
    void erfMatchesNumericalIntegration() {
        for (double x = -5; x <= 5; x += 0.037) {
            // 1.2e-7 fractional error of the fit on erfc, plus float rounding of the argument and the result
            assertEquals(DoubleReference.erf(x), Erf.erf((float) x), 3e-7, "erf(" + x + ")");
        }
    }

    @Test
    void reluPassesNanSoDivergenceStaysVisible() {
        assertTrue(Float.isNaN(Activation.RELU.value(Float.NaN, 0)));
        assertEquals(0f, Activation.RELU.derivative(0f, 0), "TensorFlow's convention: relu'(0) = 0");
    }

    @Test
    void parsesNamesAndAliasesAndRejectsUnknownOnesWithTheAllowedList() {
        assertEquals(Activation.LEAKY_RELU, Activation.parse("leaky-relu"));
        assertEquals(Activation.SWISH, Activation.parse("silu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("relu6"));
        assertTrue(e.getMessage().contains("relu6") && e.getMessage().contains("leaky_relu"), e.getMessage());
    }
}
