/**
 * The CPU engine's fused trainer: whole trainings of function-target networks (init, probes, every minibatch, the
 * test pass) with the networks of a block as the innermost loop index (structure-of-arrays lanes, so C2 vectorises
 * across networks), bit-identical to the op-by-op reference path of {@code train.ChunkTrainer}.
 */
package dev.relulab.engine.cpu.fused;
