/**
 * JMH benchmarks of the engines, one class per kernel family; every {@code @Setup} validates its outputs before
 * anything is timed. Built by {@code mvn -Pbench package} into {@code target/benchmarks.jar}.
 */
package dev.relulab.bench;
