/** Results on disk: summary.json (Jackson), per-network CSV, written atomically into a run's output folder. */
package dev.relulab.report;
