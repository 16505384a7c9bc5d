"""The Sobol work of `npm run bench:whatif` done with numpy, for comparison: the same design (the
bench writes its A and B matrices), the same re-scoring (stage-wise weights renormalised, score =
base + bonus, 0 when vetoed, competition ranks overall and within the stage), the same outputs
(mean absolute rank shift, churn of the top-20 %-per-stage list, per-enterprise rank sums), split
over 2 processes by base sample. Prints one JSON line: seconds, and S / ST of the mean rank shift.
Usage: python3 scripts/sobol_numpy.py DIR   (DIR holds the .bin files and meta.json)"""
import json, math, sys, time
from multiprocessing import Pool
import numpy as np

D = sys.argv[1]
meta = json.load(open(D + "/meta.json"))
n, k, stages, N, spread, scale, pct = meta["n"], meta["k"], meta["stages"], meta["N"], meta["spread"], meta["scale"], meta["percent"]


def load():
    S = np.fromfile(D + "/s.bin", dtype=np.float64).reshape(n, k)
    stage = np.fromfile(D + "/stage.bin", dtype=np.uint8)
    bonus = np.fromfile(D + "/bonus.bin", dtype=np.float64)
    vetoed = np.fromfile(D + "/vetoed.bin", dtype=np.uint8).astype(bool)
    w0 = np.fromfile(D + "/weights.bin", dtype=np.float64).reshape(stages, k)
    uA = np.fromfile(D + "/uA.bin", dtype=np.float64).reshape(N, k)
    uB = np.fromfile(D + "/uB.bin", dtype=np.float64).reshape(N, k)
    return S, stage, bonus, vetoed, w0, uA, uB


def ranks(score, stage, masks):
    order = np.argsort(-score, kind="stable")
    srt = score[order]
    first = np.empty(n, dtype=bool); first[0] = True; first[1:] = srt[1:] != srt[:-1]
    r = np.maximum.accumulate(np.where(first, np.arange(1, n + 1), 0))
    rank = np.empty(n, dtype=np.int64); rank[order] = r
    srank = np.zeros(n, dtype=np.int64)
    for st, m in enumerate(masks):
        sc = score[m]
        if sc.size == 0: continue
        o = np.argsort(-sc, kind="stable"); s2 = sc[o]
        f = np.empty(sc.size, dtype=bool); f[0] = True; f[1:] = s2[1:] != s2[:-1]
        rr = np.maximum.accumulate(np.where(f, np.arange(1, sc.size + 1), 0))
        tmp = np.empty(sc.size, dtype=np.int64); tmp[o] = rr; srank[m] = tmp
    return rank, srank


def part(rng):
    S, stage, bonus, vetoed, w0, uA, uB = load()
    masks = [stage == st for st in range(stages)]
    cut = np.zeros(256)
    for st, m in enumerate(masks): cut[st] = max(0, math.ceil(pct / 100 * m.sum() - 1e-9))
    rowcut = cut[stage]

    def evaluate(u):
        w = w0 * (1 + spread * (2 * u - 1))
        w = w / w.sum(axis=1, keepdims=True)
        w256 = np.zeros((256, k)); w256[:stages] = scale * w  # rows without a stage score 0 + bonus, as in the engine
        base = np.einsum("ij,ij->i", S, w256[stage])
        score = np.where(vetoed, 0.0, base + bonus)
        rank, srank = ranks(score, stage, masks)
        on = (srank > 0) & (srank <= rowcut) & ~vetoed
        return rank, on

    rank0, on0 = evaluate(np.full(k, 0.5))
    j0, j1 = rng
    fA = np.zeros(j1 - j0); fB = np.zeros(j1 - j0); fAB = np.zeros((j1 - j0, k))
    sumY = np.zeros(n); sumY2 = np.zeros(n); first = np.zeros((k, n)); total = np.zeros((k, n))
    for t, j in enumerate(range(j0, j1)):
        ra, _ = evaluate(uA[j]); yA = ra - rank0
        rb, _ = evaluate(uB[j]); yB = rb - rank0
        fA[t] = np.abs(yA).mean(); fB[t] = np.abs(yB).mean()
        sumY += yA + yB; sumY2 += yA * yA + yB * yB
        for i in range(k):
            u = uA[j].copy(); u[i] = uB[j, i]
            rab, _ = evaluate(u); y = rab - rank0
            fAB[t, i] = np.abs(y).mean()
            diff = y - yA
            first[i] += yB * diff; total[i] += diff * diff
    return fA, fB, fAB, sumY, sumY2, first, total


if __name__ == "__main__":
    t0 = time.perf_counter()
    with Pool(2) as pool:
        parts = pool.map(part, [(0, N // 2), (N // 2, N)])
    fA = np.concatenate([p[0] for p in parts]); fB = np.concatenate([p[1] for p in parts]); fAB = np.concatenate([p[2] for p in parts])
    c = np.concatenate([fA, fB]).mean(); V = np.concatenate([fA, fB]).var()
    Sa = ((fB - c)[:, None] * (fAB - fA[:, None])).mean(axis=0) / V
    STa = 0.5 * ((fA[:, None] - fAB) ** 2).mean(axis=0) / V
    secs = time.perf_counter() - t0
    print(json.dumps({"numpy_sobol_s": round(secs, 2), "S": Sa.tolist(), "ST": STa.tolist()}))
