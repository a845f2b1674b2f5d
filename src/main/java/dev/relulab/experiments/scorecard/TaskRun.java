package dev.relulab.experiments.scorecard;

/**
 * One network trained on a stored task (variants or the MNIST subset): validation (held-out) and training accuracy
 * after every epoch, the dead fraction of each hidden layer at the end, and whether its loss diverged.
 */
public record TaskRun(String task, String activation, int network, double[] validationAccuracyPerEpoch,
                      double[] trainAccuracyPerEpoch, double[] deadFractionPerLayer, boolean diverged) {
    /** The first epoch (1-based) whose validation accuracy reached {@code target}, or infinity when none did. */
    public double epochsTo(double target) {
        for (int e = 0; e < validationAccuracyPerEpoch.length; e++) {
            if (validationAccuracyPerEpoch[e] >= target) return e + 1;
        }
        return Double.POSITIVE_INFINITY;
    }

    public double testAccuracy() {
        return validationAccuracyPerEpoch[validationAccuracyPerEpoch.length - 1];
    }

    public double trainAccuracy() {
        return trainAccuracyPerEpoch[trainAccuracyPerEpoch.length - 1];
    }
}
