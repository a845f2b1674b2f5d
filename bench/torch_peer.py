#!/usr/bin/env python3
"""The lu2019 collapse sweep as a PyTorch user would write it: the relulab workload's PyTorch peer.

E networks 1 -> 10 x 2 ReLU -> 1 are stacked along a batch dimension and trained at once with torch.baddbmm,
autograd and plain SGD (lr 0.01, MSE, minibatch 64, 2 epochs, a fresh order per network and epoch), Glorot-uniform
weights and zero biases; every network has its own 3000 training and 500 test points of |x|, x uniform on
[-sqrt 7, sqrt 7]. As in relulab, dead units are probed on the training points at the start, after each epoch and
at the end, and the test pass checks the exact collapse (every prediction equal); the last column times the two
epochs of minibatch steps alone (no probes, no test pass). The numbers are PyTorch's own
(its random streams differ from relulab's), so only the time is compared; the collapse fraction is printed to show
the same experiment ran.

Usage: python3 bench/torch_peer.py [--networks 1000,10000] [--threads 2] [--warmup 1] [--repeats 5]
Prints a Markdown table of median and best seconds per ensemble size.
"""
import argparse
import math
import statistics
import time

import torch

WIDTHS = [1] + [2] * 10 + [1]
POINTS, TEST_POINTS, BATCH, EPOCHS, LR = 3000, 500, 64, 2, 0.01
LIMIT = math.sqrt(7.0)


def glorot(E, n_out, n_in, gen):
    bound = math.sqrt(6.0 / (n_in + n_out))
    return (torch.rand(E, n_out, n_in, generator=gen) * 2 - 1) * bound


def forward(params, x):
    """x: [E, B, 1] -> output [E, B, 1] and the hidden activations."""
    h, hidden = x, []
    for l, (w, b) in enumerate(params):
        h = torch.baddbmm(b.unsqueeze(1), h, w.transpose(1, 2))
        if l < len(params) - 1:
            h = torch.relu(h)
            hidden.append(h)
    return h, hidden


@torch.no_grad()
def dead_units(params, x):
    """Per network and hidden layer, the units that are zero on every training point."""
    _, hidden = forward(params, x)
    return torch.stack([(a > 0).any(dim=1).logical_not().sum(dim=1) for a in hidden], dim=1)


def sweep(E, seed):
    gen = torch.Generator().manual_seed(seed)
    params = []
    for l in range(1, len(WIDTHS)):
        w = glorot(E, WIDTHS[l], WIDTHS[l - 1], gen).requires_grad_()
        b = torch.zeros(E, WIDTHS[l]).requires_grad_()
        params.append((w, b))
    x = (torch.rand(E, POINTS, 1, generator=gen) * 2 - 1) * LIMIT
    y = x.abs()
    xt = (torch.rand(E, TEST_POINTS, 1, generator=gen) * 2 - 1) * LIMIT
    widths = torch.tensor(WIDTHS[1:-1])
    born_dead = (dead_units(params, x) == widths).any(dim=1)
    training = 0.0
    for epoch in range(EPOCHS):
        t0 = time.perf_counter()
        order = torch.argsort(torch.rand(E, POINTS, generator=gen), dim=1).unsqueeze(2)
        for start in range(0, POINTS, BATCH):
            idx = order[:, start:start + BATCH]
            xb, yb = torch.gather(x, 1, idx), torch.gather(y, 1, idx)
            out, _ = forward(params, xb)
            loss = ((out - yb) ** 2).mean(dim=(1, 2)).sum()  # each network's own batch mean
            grads = torch.autograd.grad(loss, [t for p in params for t in p])
            with torch.no_grad():
                for t, g in zip([t for p in params for t in p], grads):
                    t -= LR * g
        training += time.perf_counter() - t0
        if epoch + 1 < EPOCHS:
            dead_units(params, x)
    dead_units(params, x)  # the final probe
    with torch.no_grad():
        pred, _ = forward(params, xt)
        exact = (pred == pred[:, :1]).all(dim=1).squeeze(1)
    return born_dead.float().mean().item(), exact.float().mean().item(), training


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--networks", default="1000", help="ensemble sizes, comma separated (default 1000)")
    ap.add_argument("--threads", type=int, default=0, help="torch threads (default: torch's own choice)")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    print(f"### PyTorch peer: torch {torch.__version__}, {torch.get_num_threads()} threads\n")
    print("| networks | median s | best s | networks/s | repeats | born dead | exact collapse | training only, median s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for E in [int(n) for n in args.networks.split(",")]:
        times, trainings = [], []
        for r in range(args.warmup + args.repeats):
            t0 = time.perf_counter()
            born, exact, training = sweep(E, 1999 + r)
            if r >= args.warmup:
                times.append(time.perf_counter() - t0)
                trainings.append(training)
        med = statistics.median(times)
        print(f"| {E} | {med:.4f} | {min(times):.4f} | {E / med:.0f} | {args.repeats} | {born:.3f} | {exact:.3f} "
              f"| {statistics.median(trainings):.4f} |", flush=True)


if __name__ == "__main__":
    main()
