/** The CPU engine: the plain-Java reference that every kernel is tested against, and what runs without a GPU. */
package dev.relulab.engine.cpu;
