"""The statistical audit of `npm run bench:whatif` done with numpy/scipy, for comparison: the same
population (the bench writes s, the raw values, stages, scores and vetoes), the same statistics per
stage and over all enterprises with a stage (coverage; skewness and excess kurtosis of the finite
raw values and of s; Pearson and Spearman matrices of s; Cronbach's alpha per class and overall;
eigenvalues of the correlation matrix; binned effective weights and r^2 over the rows not vetoed).
Prints one JSON line: seconds, and the `all` group's statistics for the bench to compare.
Usage: python3 scripts/audit_numpy.py DIR   (DIR holds the .bin files and meta.json)"""
import json, sys, time
import numpy as np
from scipy import stats

D = sys.argv[1]
meta = json.load(open(D + "/meta.json"))
n, k, stages, classes = meta["n"], meta["k"], meta["stages"], meta["classes"]
S = np.fromfile(D + "/s.bin", dtype=np.float64).reshape(n, k)
raw = np.fromfile(D + "/raw.bin", dtype=np.float64).reshape(k, n)
stage = np.fromfile(D + "/stage.bin", dtype=np.uint8)
score = np.fromfile(D + "/score.bin", dtype=np.float64)
vetoed = np.fromfile(D + "/vetoed.bin", dtype=np.uint8).astype(bool)


def effective(x, y):
    """Binned main effect: B = min(100, floor(sqrt(m))) equal-count bins on x, ties in one bin."""
    m = x.size
    B = min(100, int(np.floor(np.sqrt(m))))
    xs = np.sort(x)
    below = np.searchsorted(xs, x, side="left")  # values smaller than x = ascending start of its tie group
    b = (below * B) // m
    cnt = np.bincount(b, minlength=B)
    tot = np.bincount(b, weights=y, minlength=B)
    ym = y.mean()
    nz = cnt > 0
    between = (cnt[nz] * (tot[nz] / cnt[nz] - ym) ** 2).sum()
    return between / ((y - ym) ** 2).sum()


def alpha(C, items):
    m = len(items)
    if m < 2:
        return None
    sub = C[np.ix_(items, items)]
    return m / (m - 1) * (1 - np.trace(sub) / sub.sum())


t0 = time.perf_counter()
out = {}
for g in list(range(stages)) + ["all"]:
    sel = stage < stages if g == "all" else stage == g
    X = S[sel]
    R = raw[:, sel]
    res = {"coverage": (~np.isnan(R)).mean(axis=1).tolist()}
    sk, ku = [], []
    for i in range(k):
        f = R[i][np.isfinite(R[i])]
        sk.append(float(stats.skew(f)))
        ku.append(float(stats.kurtosis(f)))
    res["skew_raw"], res["kurt_raw"] = sk, ku
    res["skew_s"] = stats.skew(X, axis=0).tolist()
    res["kurt_s"] = stats.kurtosis(X, axis=0).tolist()
    P = np.corrcoef(X, rowvar=False)
    res["pearson"] = P.ravel().tolist()
    res["spearman"] = np.corrcoef(stats.rankdata(X, axis=0), rowvar=False).ravel().tolist()
    C = np.cov(X, rowvar=False, bias=True)
    res["alpha"] = [alpha(C, items) for items in classes] + [alpha(C, list(range(k)))]
    ev = np.linalg.eigvalsh(P)[::-1]
    res["explained"] = (ev / ev.sum()).tolist()
    sc = sel & ~vetoed
    Y = score[sc]
    XS = S[sc]
    res["effective"] = [float(effective(XS[:, i], Y)) for i in range(k)]
    res["r2"] = [float(np.corrcoef(XS[:, i], Y)[0, 1] ** 2) for i in range(k)]
    out[str(g)] = res
secs = time.perf_counter() - t0
print(json.dumps({"numpy_audit_s": round(secs, 2), "all": out["all"]}))
