"""Independent numpy/scipy reference for tests/whatif/audit.test.ts (the 9-row case written there as
literals). Run: python3 tests/whatif/audit/reference.py"""
import numpy as np, scipy.stats as ss, json
nan, inf = np.nan, np.inf
S = np.array([[0.0,0.5,1.0],[0.2,0.1,0.4],[0.4,0.1,0.0],[1.0,0.9,0.3],[0.5,0.0,0.8],[0.5,0.6,0.2],[0.9,1.0,0.6],[0.1,0.3,0.9],[0.3,0.3,0.3]])
stage = np.array([0,0,0,0,1,1,1,1,255])
raw = np.array([[1,2,nan,10,5,5,9,1.5,7],[3,nan,nan,8,0,6,inf,4,4],[20,2,-1,3,nan,1,5,40,2]],dtype=float)
w = np.array([[0.5,0.3,0.2],[0.2,0.2,0.6]])
vet = np.array([0,0,1,0,0,0,0,0,0])
score = np.array([100*(w[st]@S[r]) if st<2 and not vet[r] else 0.0 for r,st in enumerate(stage)])
score[3] += 5  # a bonus point
print('score', score.tolist())
cls = [[0,1],[2]]
def alpha(X, items):
    C = np.cov(X[:, items].T, bias=True); m=len(items)
    return m/(m-1)*(1-np.trace(C)/C.sum())
def bins_effect(x, y):
    m=len(x); B=min(100,int(np.floor(np.sqrt(m)))); o=np.argsort(x,kind='stable'); xs=x[o]; ys=y[o]
    binid=np.empty(m,int); a=0
    while a<m:
        b=a
        while b<m and xs[b]==xs[a]: b+=1
        binid[a:b]=(a*B)//m; a=b
    yb=ys.mean(); between=sum((binid==b).sum()*(ys[binid==b].mean()-yb)**2 for b in range(B) if (binid==b).any())
    return between/((ys-yb)**2).sum(), B
out={}
for g,name in [(0,'x'),(1,'y'),(None,'all')]:
    sel = (stage<2) if g is None else (stage==g)
    X=S[sel]; R=raw[:,sel]; res={}
    res['n']=int(sel.sum())
    res['coverage']=[float(np.mean(~np.isnan(R[i]))) for i in range(3)]
    per=np.mean(~np.isnan(R),axis=0); res['ent_mean']=float(per.mean()); res['ent_below']=int((per<0.65).sum())
    sk=[];ku=[]
    for i in range(3):
        f=R[i][np.isfinite(R[i])]
        sk.append(float(ss.skew(f)) if len(f)>1 and f.min()<f.max() else None)
        ku.append(float(ss.kurtosis(f)) if len(f)>1 and f.min()<f.max() else None)
    res['skew']=sk; res['kurt']=ku
    res['s_skew']=[float(ss.skew(X[:,i])) if X[:,i].min()<X[:,i].max() else None for i in range(3)]
    res['s_kurt']=[float(ss.kurtosis(X[:,i])) if X[:,i].min()<X[:,i].max() else None for i in range(3)]
    res['pearson']=np.corrcoef(X.T).tolist()
    res['spearman']=ss.spearmanr(X).statistic.tolist()
    res['alpha']=[alpha(X,[0,1]), alpha(X,[0,1,2])]
    ev,vec=np.linalg.eigh(np.corrcoef(X.T)); o=np.argsort(-ev); ev=ev[o]; vec=vec[:,o]
    for c in range(3):
        j=np.argmax(np.abs(vec[:,c])); vec[:,c]*=np.sign(vec[j,c])
    res['eig']=ev.tolist(); res['explained']=(ev/ev.sum()).tolist(); res['load']=vec.T.tolist()
    sc = sel & (vet==0); Y=score[sc]; XS=S[sc]
    res['scored']=int(sc.sum())
    res['r2']=[float(np.corrcoef(XS[:,i],Y)[0,1]**2) for i in range(3)]
    eff=[bins_effect(XS[:,i],Y) for i in range(3)]
    res['eff']=[e[0] for e in eff]; res['bins']=eff[0][1]
    out[name]=res
np.set_printoptions(precision=17)
print(json.dumps(out,indent=None))

# ---- Medium case (60 rows × 4 indicators, inputs from integer formulas repeated in the test) ----
n, k = 60, 4
stage = np.array([255 if r == 59 else (1 if r % 3 == 0 else 0) for r in range(n)])
S = np.array([[((r * (2 * i + 3) + i * 7) % 11) / 10 for i in range(k)] for r in range(n)])
def rawv(i, r):
    if (r + 2 * i) % 9 == 0: return nan
    if (r * (i + 1)) % 23 == 1: return inf
    return ((r * (i + 5)) % 17) * (i + 1) + (r % 5) / 4
raw = np.array([[rawv(i, r) for r in range(n)] for i in range(k)])
w = [[0.4, 0.3, 0.2, 0.1], [0.1, 0.2, 0.3, 0.4]]
vet = np.array([1 if r % 17 == 5 else 0 for r in range(n)])
def sc(r):
    st = stage[r]
    if st > 1 or vet[r]: return 0.0
    acc = 0.0
    for i in range(k): acc += w[st][i] * S[r, i]
    return 100 * acc + (3 if r % 7 == 0 else 0)
score = np.array([sc(r) for r in range(n)])
LO, HI = 2.0, 30.0
cls = [[0, 1], [2, 3]]
out = {}
for g, name in [(0, 'x'), (1, 'y'), (None, 'all')]:
    sel = (stage < 2) if g is None else (stage == g)
    X = S[sel]; R = raw[:, sel]; res = {}
    res['n'] = int(sel.sum())
    res['coverage'] = [float(np.mean(~np.isnan(R[i]))) for i in range(k)]
    per = np.mean(~np.isnan(R), axis=0); res['ent_mean'] = float(per.mean()); res['ent_below'] = int((per < 0.65).sum())
    res['skew'] = [float(ss.skew(R[i][np.isfinite(R[i])])) for i in range(k)]
    res['kurt'] = [float(ss.kurtosis(R[i][np.isfinite(R[i])])) for i in range(k)]
    res['clip_low'] = [int((R[i][np.isfinite(R[i])] < LO).sum()) for i in range(k)]
    res['clip_high'] = [int((R[i][np.isfinite(R[i])] > HI).sum()) for i in range(k)]
    res['s_skew'] = [float(ss.skew(X[:, i])) for i in range(k)]
    res['s_kurt'] = [float(ss.kurtosis(X[:, i])) for i in range(k)]
    res['pearson'] = np.corrcoef(X.T).tolist()
    res['spearman'] = ss.spearmanr(X).statistic.tolist()
    res['alpha'] = [alpha(X, c) for c in cls] + [alpha(X, [0, 1, 2, 3])]
    ev, vec = np.linalg.eigh(np.corrcoef(X.T)); o = np.argsort(-ev); ev = ev[o]; vec = vec[:, o]
    for c in range(3):
        j = np.argmax(np.abs(vec[:, c])); vec[:, c] *= np.sign(vec[j, c])
    res['eig'] = ev.tolist(); res['explained'] = (ev / ev.sum()).tolist(); res['load'] = vec.T[:3].tolist()
    scm = sel & (vet == 0); Y = score[scm]; XS = S[scm]
    res['scored'] = int(scm.sum())
    res['r2'] = [float(np.corrcoef(XS[:, i], Y)[0, 1] ** 2) for i in range(k)]
    eff = [bins_effect(XS[:, i], Y) for i in range(k)]
    res['eff'] = [e[0] for e in eff]; res['bins'] = eff[0][1]
    out[name] = res
print('MEDIUM')
print(json.dumps(out, indent=1))
