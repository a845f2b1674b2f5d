/** Parity checks: every engine operation on fresh random inputs against the CPU reference, for selftest and tests. */
package dev.relulab.selftest;
