/** The reference experiments of EXPERIMENTS.md as runnable presets, and what they record beyond the trainer. */
package dev.relulab.experiment;
