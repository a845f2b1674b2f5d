package dev.relulab.perf;

/**
 * One line of the activation table: the median times of the forward and backward dense calls and the bytes each
 * moves; {@code backward} is null for rows that have no backward pass (the copy).
 */
public record ActivationRow(String name, Timing forward, long forwardBytes, Timing backward, long backwardBytes) {}
