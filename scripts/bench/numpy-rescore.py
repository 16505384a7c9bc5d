"""The same re-score work in numpy, for comparison: a stage-wise matrix-vector product and an
argsort-based competition rank. Reads s (n x k float64, row-major), stage (uint8) and weights."""
import json, sys, time
import numpy as np

path, n, k, stages, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
S = np.fromfile(path + ".s", dtype=np.float64).reshape(n, k)
stage = np.fromfile(path + ".stage", dtype=np.uint8)
rng = np.random.default_rng(7)
masks = [stage == st for st in range(stages)]
times = []
for _ in range(runs):
    W = rng.random((stages, k)); W /= W.sum(axis=1, keepdims=True)
    t0 = time.perf_counter()
    base = np.empty(n)
    for st in range(stages):
        base[masks[st]] = S[masks[st]] @ (100.0 * W[st])
    order = np.argsort(-base, kind="stable")
    srt = base[order]
    first = np.empty(n, dtype=bool); first[0] = True; first[1:] = srt[1:] != srt[:-1]
    r = np.maximum.accumulate(np.where(first, np.arange(1, n + 1), 0))
    rank = np.empty(n, dtype=np.int64); rank[order] = r
    times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"numpy_rescore_ms": float(np.median(times))}))
