/**
 * The scorecard (EXPERIMENTS.md, "scorecard"): the measurements behind the notes' star table for each activation,
 * one ensemble of many seeds per cell: time per training step, convergence and generalisation on the variants task
 * and an MNIST subset, dead units, born-dead and collapse probabilities of lu2019 nets, and the per-layer moments of a
 * deep net against SELU's fixed point.
 */
package dev.relulab.experiments.scorecard;
