/** Counter-based random streams (Philox4x32-10) keyed by seed, network and purpose, and keyed permutations. */
package dev.relulab.random;
