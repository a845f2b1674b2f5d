package dev.relulab.experiments.scorecard;

/**
 * One deep network of the self-normalisation part: per hidden layer {mean, variance} of its activations over the
 * probe rows and units, at initialisation and after training.
 */
public record DeepRun(String activation, String init, int network, double[][] initMoments, double[][] endMoments,
                      boolean diverged) {}
