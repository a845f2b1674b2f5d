package dev.relulab.experiments.scorecard;

/**
 * One lu2019-like ensemble (width 2, {@code depth} hidden layers): how many of its networks were born dead, collapsed
 * (structurally, functionally, exactly) or diverged, and the mean dead fraction of each hidden layer at the end.
 */
public record CollapseCell(String activation, int depth, int networks, int bornDead, int structural, int functional,
                           int exact, int diverged, double[] deadFractionPerLayer) {}
