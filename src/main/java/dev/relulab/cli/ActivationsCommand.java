package dev.relulab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relulab.experiments.VariantsExperiment;
import dev.relulab.nn.Activation;
import dev.relulab.report.ActivationPlots;
import dev.relulab.report.Figures;
import dev.relulab.report.HtmlReport;
import dev.relulab.report.Json;
import dev.relulab.report.OutputFolder;
import dev.relulab.report.SummaryJson;
import dev.relulab.experiments.Rules;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code relulab activations}: plots of every activation and its derivative, from the same code the engines test. */
@Command(name = "activations", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Plot every activation and its derivative on an interval.",
        description = "Plot every activation and its derivative on an interval (EXPERIMENTS.md, variants).",
        footer = {"", "Writes <out>/activations.csv, activations.png and .svg (one panel per activation), summary.json and "
                + "report.html."})
public final class ActivationsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--activations", paramLabel = "NAMES", split = ",",
            defaultValue = "relu,leaky_relu,prelu,elu,selu,swish,gelu,sigmoid,tanh,linear",
            description = "Activations to draw (default: ${DEFAULT-VALUE}); Leaky ReLU with slope 0.1 as in the "
                    + "variants notebook, PReLU with slope 0.25 so it differs from ReLU.")
    List<String> activations;

    @Option(names = "--from", paramLabel = "X", defaultValue = "-3",
            description = "Left end of z (default: ${DEFAULT-VALUE}).")
    double from;

    @Option(names = "--to", paramLabel = "X", defaultValue = "3",
            description = "Right end of z (default: ${DEFAULT-VALUE}).")
    double to;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    /** PReLU's drawn slope: its initial value 0 would draw it on top of ReLU. */
    static final float PRELU_SLOPE = 0.25f;

    @Override
    public Integer call() throws IOException {
        output.check();
        if (!(from < to) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new UsageError("--from=" + from + " and --to=" + to + " must be finite with --from < --to");
        }
        List<Activation> acts = ExperimentOptions.activations(activations);
        Usage.run(() -> Rules.distinct("--activations", acts.stream().map(Activation::cliName).toList()));
        List<ActivationPlots.Curve> curves = new ArrayList<>();
        for (Activation a : acts) {
            float alpha = a == Activation.PRELU ? PRELU_SLOPE : VariantsExperiment.notebookAlpha(a);
            curves.add(new ActivationPlots.Curve(a, alpha));
        }
        try (OutputFolder folder = output.open("activations")) {
            long t0 = System.nanoTime();
            ActivationPlots plots = new ActivationPlots(curves, from, to, 601);
            folder.write("activations.csv", w -> w.write(plots.csv()));
            HtmlReport html = new HtmlReport("relulab activations");
            html.paragraph("Every activation phi(z) and its derivative on [" + from + ", " + to + "], computed by "
                    + "Activation.value and Activation.derivative in float32 (the CPU engine's reference).");
            html.figure(Figures.write(folder, "activations", plots.figure()), "Every activation (solid) and its "
                    + "derivative (dashed), one panel each on one y scale");
            html.link("activations.csv", "activations.csv").link("summary.json", "summary.json");
            ObjectNode body = Json.object();
            body.set("range", Json.array(new double[] {from, to}));
            ArrayNode runs = body.putArray("runs");
            for (ActivationPlots.Curve c : curves) runs.addObject().put("activation", c.activation().cliName())
                    .put("alpha", c.alpha());
            SummaryJson.write(folder, output.provenance("activations", "none", null, null,
                    (System.nanoTime() - t0) / 1e9), body);
            html.write(folder);
            folder.commit();
            PrintWriter pw = spec.commandLine().getOut();
            pw.println("wrote " + folder.path().resolve("report.html") + " with activations.png");
            pw.flush();
        }
        return 0;
    }
}
