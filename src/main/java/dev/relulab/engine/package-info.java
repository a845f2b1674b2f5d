/** The engine interface (ensemble-batched float32 operations), engine kinds and the factory that finds engines. */
package dev.relulab.engine;
