/** The reference experiments of EXPERIMENTS.md as runnable configurations (presets plus overrides). */
package dev.relulab.experiments;
