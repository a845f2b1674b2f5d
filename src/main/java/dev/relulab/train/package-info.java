/** The ensemble trainer: chunks of networks trained together on an engine, with dead-unit probes and collapse tests. */
package dev.relulab.train;
