/**
 * Results on disk: summary.json (Jackson), CSV files, figures as PNG and SVG ({@code report.figure}) and a report.html
 * that shows a run's table and figures together, all written atomically into the run's output folder.
 */
package dev.relulab.report;
