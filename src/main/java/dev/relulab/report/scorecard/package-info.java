/**
 * The scorecard's outputs: the measured table with its intervals ({@link dev.relulab.report.scorecard.Measures}),
 * the stars derived from it by written rules beside the notes' stars ({@link dev.relulab.report.scorecard.Stars}),
 * its figures, summary.json, CSV files and report.html.
 */
package dev.relulab.report.scorecard;
