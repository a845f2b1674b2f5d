/**
 * The engine interface (ensemble-batched float32 operations), engine kinds, the factory that finds engines, the
 * argument checks every engine runs, and the one kernel plan that both device engines launch through a small Device.
 */
package dev.relulab.engine;
