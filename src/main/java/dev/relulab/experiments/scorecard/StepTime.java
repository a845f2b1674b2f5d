package dev.relulab.experiments.scorecard;

/**
 * The time per training step of one activation at one shape: one worker's time for a whole minibatch step of its
 * chunk (data, forward, loss, backward, update) divided by the chunk's networks, one median per timed round, in
 * round order.
 */
public record StepTime(String shape, String activation, int networks, int steps, double[] secondsPerNetworkStep) {}
