/**
 * The Spark job (relulab-spark): a collapse run or grid cut into tasks (shards of each cell's networks, sized from the
 * memory plan), each trained through the relulab library on its executor's best engine, and merged into the folder
 * one {@code relulab collapse} run writes. Results are deterministic per network, so a retried task gives the same
 * bytes; the job relies on that and keeps no bookkeeping of attempts.
 */
package dev.relulab.spark;
