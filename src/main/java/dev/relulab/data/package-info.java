/** Data: function targets generated from counters on every engine, and stored data sets shared by an ensemble. */
package dev.relulab.data;
