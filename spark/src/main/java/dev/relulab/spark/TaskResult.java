package dev.relulab.spark;

import java.io.Serializable;

/**
 * What a task sends back to the driver: its networks as networks.csv text (header and rows, the bytes that go into
 * the run folder), and how it trained.
 *
 * @param csv report.NetworksCsv's text of the task's networks
 * @param seconds training seconds on the executor
 * @param engine the engine's kind (cpu, cuda)
 * @param device the engine's device
 * @param trainingPath fused or op by op (train.EnsembleResult)
 * @param trainedOpByOp networks the fused path handed back to the op-by-op trainer
 */
public record TaskResult(String csv, double seconds, String engine, String device, String trainingPath,
                         int trainedOpByOp)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
