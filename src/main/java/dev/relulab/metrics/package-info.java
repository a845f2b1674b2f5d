/** Ensemble-level metrics: collapse fractions with confidence intervals and dead units per layer. */
package dev.relulab.metrics;
