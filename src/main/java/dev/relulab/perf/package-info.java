/** Timing of engine operations for {@code relulab bench}: validated against a host reference first, then timed. */
package dev.relulab.perf;
