/** The command-line interface (picocli): experiments, self-test, benchmarks and device listing. */
package dev.relulab.cli;
