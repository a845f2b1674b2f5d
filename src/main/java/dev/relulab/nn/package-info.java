/** The network model: activations, initialisers, losses, optimizers and the ensemble's shared architecture. */
package dev.relulab.nn;
