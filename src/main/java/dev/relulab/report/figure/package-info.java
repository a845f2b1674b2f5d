/**
 * The project's figures: a small model (a {@link dev.relulab.report.figure.Figure} of panels, each a
 * {@link dev.relulab.report.figure.Plot} with two {@link dev.relulab.report.figure.Axis axes} and its
 * {@link dev.relulab.report.figure.Series}) that tests can read, laid out once by the
 * {@link dev.relulab.report.figure.Renderer} and drawn on a {@link dev.relulab.report.figure.Canvas}: PNG through
 * Java2D, SVG as text, so both files show the same layout.
 */
package dev.relulab.report.figure;
