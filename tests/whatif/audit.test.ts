import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveWeights, NO_STAGE, type IndicatorSystem } from '../../src/engine/index.ts';
import { effectiveWeightRows } from '../../src/charts/whatif/index.ts';
import { toXlsx } from '../../src/whatif/export/index.ts';
import {
  auditExportTable,
  auditJson,
  computeAudit,
  cumulative,
  effectiveOrder,
  scoreDriver,
  symmetricEigen,
  type AuditInput,
  type GroupAudit,
} from '../../src/whatif/audit/index.ts';
import { preparedFor, randomData, scored, twoStageSystem } from './fixtures.ts';

/** One group's statistics as tests/whatif/audit/reference.py prints them. */
interface Reference {
  n: number;
  scored: number;
  coverage: number[];
  ent_mean: number;
  ent_below: number;
  skew: number[];
  kurt: number[];
  s_skew: number[];
  s_kurt: number[];
  clip_low?: number[];
  clip_high?: number[];
  pearson: number[][];
  spearman: number[][];
  alpha: number[];
  eig: number[];
  explained: number[];
  load: number[][];
  r2: number[];
  eff: number[];
  bins: number;
}

// numpy 2.4.6 / scipy 1.17.1 output of tests/whatif/audit/reference.py, pasted as literals.
const SMALL_NUMPY: Record<string, Reference> = {
  x: {
    n: 4,
    coverage: [0.75, 0.5, 1.0],
    ent_mean: 0.75,
    ent_below: 1,
    skew: [0.6745554845457661, 0.0, 1.0413490599480935],
    kurt: [-1.5, -2.0, -0.7418930041152265],
    s_skew: [0.6872431934890909, 0.4933822002181584, 0.5814120343336201],
    s_kurt: [-1.0000000000000004, -1.3719008264462813, -0.9560881381819812],
    pearson: [
      [1.0, 0.6446583712203042, -0.5519706800961892],
      [0.6446583712203042, 0.9999999999999999, 0.26983966069073106],
      [-0.5519706800961892, 0.26983966069073106, 1.0],
    ],
    spearman: [
      [1.0, 0.316227766016838, -0.7999999999999999],
      [0.316227766016838, 1.0, 0.21081851067789195],
      [-0.7999999999999999, 0.21081851067789195, 1.0],
    ],
    alpha: [0.7804878048780488, 0.2462380300957594],
    eig: [1.7273598669451695, 1.2658279757073407, 0.006812157347488745],
    explained: [0.5757866223150567, 0.4219426585691137, 0.0022707191158295825],
    load: [
      [0.7579873434495111, 0.5315676886983806, -0.37800923203304726],
      [-0.06081275300178274, 0.6345971009972927, 0.7704468368928354],
      [0.649428207150488, -0.5610011691054602, 0.5133426653022425],
    ],
    scored: 3,
    r2: [0.8557989248541691, 0.8985188150520416, 0.19444392723481121],
    eff: [0.0, 0.0, 0.0],
    bins: 1,
  },
  y: {
    n: 4,
    coverage: [1.0, 1.0, 0.75],
    ent_mean: 0.9166666666666666,
    ent_below: 0,
    skew: [0.14095125778709866, -0.38180177416060646, 0.6795577312909907],
    kurt: [-0.9955801593895801, -1.4999999999999996, -1.5000000000000002],
    s_skew: [0.0, 0.16847151077904948, -0.656807734499699],
    s_kurt: [-1.0, -1.2911740789391386, -1.0989792060491501],
    pearson: [
      [1.0, 0.668945875594495, -0.39562828403747224],
      [0.668945875594495, 1.0, -0.4978014000275278],
      [-0.39562828403747224, -0.4978014000275278, 1.0],
    ],
    spearman: [
      [1.0, 0.632455532033676, -0.632455532033676],
      [0.632455532033676, 1.0, -0.6000000000000001],
      [-0.632455532033676, -0.6000000000000001, 1.0],
    ],
    alpha: [0.7845884413309983, -0.10416666666666663],
    eig: [2.0501109749207003, 0.632319106226209, 0.3175699188530907],
    explained: [0.6833703249735668, 0.21077303540873635, 0.10585663961769691],
    load: [
      [0.589951709862968, 0.6206490025303675, -0.5164801987373961],
      [0.5023581084214537, 0.21864136121335043, 0.8365597922862369],
      [-0.6321339343311506, 0.7529878955367296, 0.18280021401023422],
    ],
    scored: 4,
    r2: [0.0853080568720379, 0.04780454024107864, 0.4896352771481558],
    eff: [0.45655608214849913, 0.04265402843601896, 0.04265402843601896],
    bins: 2,
  },
  all: {
    n: 8,
    coverage: [0.875, 0.75, 0.875],
    ent_mean: 0.8333333333333333,
    ent_below: 1,
    skew: [0.4049435076716036, -0.15144853105041087, 1.346283129069143],
    kurt: [-1.3438141917748836, -1.0348534971644605, 0.3071218534194702],
    s_skew: [0.35777087639996685, 0.335001049791357, -0.03758053538976228],
    s_kurt: [-1.099259259259259, -1.3196063289374549, -1.3384725820043069],
    pearson: [
      [1.0, 0.6486724673997296, -0.42339997129442125],
      [0.6486724673997296, 1.0, -0.039663529150974715],
      [-0.42339997129442125, -0.039663529150974715, 1.0],
    ],
    spearman: [
      [0.9999999999999998, 0.45783132530120474, -0.5030030300035688],
      [0.45783132530120474, 0.9999999999999998, -0.05988131309566295],
      [-0.5030030300035688, -0.05988131309566294, 1.0],
    ],
    alpha: [0.7862564922093487, 0.18580948647589168],
    eig: [1.79314922550344, 0.9637064313815367, 0.2431443431150222],
    explained: [0.5977164085011469, 0.32123547712717904, 0.0810481143716741],
    load: [
      [0.6986367675637111, 0.5915054346006478, -0.4025270026296715],
      [0.020695106473443598, 0.5456579086352765, 0.8377524451243512],
      [0.7151771665651682, -0.5936149994581288, 0.3689754095358434],
    ],
    scored: 7,
    r2: [0.5367950328613903, 0.3202048691662671, 7.762459515968729e-33],
    eff: [0.6242304851021918, 0.224137459301212, 0.003286683630195087],
    bins: 2,
  },
};
const MEDIUM_NUMPY: Record<string, Reference> = {
  x: {
    n: 39,
    coverage: [1.0, 0.8461538461538461, 0.8461538461538461, 1.0],
    ent_mean: 0.9230769230769231,
    ent_below: 0,
    skew: [0.11713491886930048, -0.11662920353479182, -0.022953758789718386, 0.0778824153393244],
    kurt: [-1.131586152058751, -1.176333293601988, -1.222842552473847, -1.2439695088371472],
    clip_low: [5, 1, 2, 2],
    clip_high: [0, 4, 13, 19],
    s_skew: [0.0676604548142894, 0.02333277719837103, 0.07897183452681217, -0.05109004810784184],
    s_kurt: [-1.1984781665916195, -1.236603352623552, -1.1203652300949598, -1.1578969557939123],
    pearson: [
      [1.0, -0.13541412258719462, -0.1086198623780605, -0.1586400025630514],
      [-0.13541412258719462, 0.9999999999999998, -0.10077666897077243, -0.13519788501814167],
      [-0.10861986237806048, -0.10077666897077245, 1.0, -0.06311755972810633],
      [-0.15864000256305144, -0.13519788501814167, -0.06311755972810633, 1.0],
    ],
    spearman: [
      [0.9999999999999999, -0.13081632653061223, -0.10571428571428569, -0.16530612244897955],
      [-0.13081632653061223, 0.9999999999999999, -0.08428571428571427, -0.11551020408163264],
      [-0.10571428571428569, -0.08428571428571427, 0.9999999999999999, -0.06387755102040815],
      [-0.16530612244897955, -0.11551020408163264, -0.06387755102040815, 0.9999999999999999],
    ],
    alpha: [-0.31313358864609153, -0.13468594862939787, -0.7237103933874179],
    eig: [1.1682280982183935, 1.1303437389570636, 1.057568532256878, 0.643859630567665],
    explained: [0.29205702455459837, 0.2825859347392659, 0.2643921330642195, 0.16096490764191626],
    load: [
      [0.6835866476514726, 0.14692745575411054, -0.28307642297922425, -0.6564977963797994],
      [-0.46588036149323214, 0.8405917192178839, -0.14897820896532604, -0.23273706969613078],
      [-0.11550180902691598, -0.050939534493675775, 0.8562609593794361, -0.5008808894135266],
    ],
    scored: 36,
    r2: [0.4781575345882276, 0.23787772888352518, 0.06548404180249681, 0.0009607886046744483],
    eff: [0.9144573276715584, 0.6365321175902784, 0.5739423845272696, 0.48329133502200405],
    bins: 6,
  },
  y: {
    n: 20,
    coverage: [0.65, 1.0, 1.0, 0.65],
    ent_mean: 0.825,
    ent_below: 0,
    skew: [-0.32112521622877493, 0.14500414549851195, 0.04016456991910882, 0.3090140065385486],
    kurt: [-1.1762658894781197, -1.334782431971042, -1.1548372002323632, -1.0459345338062573],
    clip_low: [1, 2, 2, 2],
    clip_high: [0, 1, 7, 5],
    s_skew: [-0.1443703896022741, -0.05302092700429792, -0.04395809130597175, -0.034201597230686186],
    s_kurt: [-1.235148741084126, -1.2205361146774996, -1.3653909144419218, -1.2743891779396466],
    pearson: [
      [1.0, -0.11219220966337626, -0.11774628832932942, -0.13907732715920218],
      [-0.11219220966337624, 1.0, -0.11676466349300957, 0.01951667973917195],
      [-0.11774628832932942, -0.11676466349300955, 1.0, -0.1080280868623627],
      [-0.13907732715920215, 0.019516679739171948, -0.1080280868623627, 1.0],
    ],
    spearman: [
      [1.0, -0.10976532929598787, -0.11884935654806963, -0.141559424678274],
      [-0.10976532929598787, 1.0, -0.12944738834216502, 0.008327024981074942],
      [-0.11884935654806963, -0.12944738834216502, 1.0, -0.09765329295987886],
      [-0.141559424678274, 0.008327024981074942, -0.09765329295987886, 1.0],
    ],
    alpha: [-0.252429919707001, -0.24171645844649614, -0.5455438961639638],
    eig: [1.200248241099567, 1.1185775973701764, 0.9783777084735863, 0.7027964530566699],
    explained: [0.3000620602748918, 0.27964439934254415, 0.24459442711839663, 0.1756991132641675],
    load: [
      [-0.5153622548989023, 0.5351460176494057, -0.32475268439649047, 0.5852829913783376],
      [-0.6268562541549488, -0.15609489600188664, 0.7632058200175257, 0.014230121586374137],
      [-0.07855391771980258, 0.7243979265771838, 0.09628086523983687, -0.6780906436238565],
    ],
    scored: 19,
    r2: [0.0013169373127315974, 0.10865758653871685, 0.2527877457252122, 0.5365189946600515],
    eff: [0.02602081844174411, 0.20992487193233256, 0.3079813333928996, 0.8688572194424591],
    bins: 4,
  },
  all: {
    n: 59,
    coverage: [0.8813559322033898, 0.8983050847457628, 0.8983050847457628, 0.8813559322033898],
    ent_mean: 0.8898305084745762,
    ent_below: 0,
    skew: [0.009620436572122774, -0.03487857113177329, 0.0012421579242047752, 0.12374775991300642],
    kurt: [-1.1890046502768998, -1.259256077620969, -1.1967842334223562, -1.2012590164434025],
    clip_low: [6, 3, 4, 4],
    clip_high: [0, 5, 20, 24],
    s_skew: [-0.0039042286400931374, 0.0009022072419733103, 0.03280708122377074, -0.04673931567509498],
    s_kurt: [-1.225209884021168, -1.2271586422840328, -1.2128537065369283, -1.192687200640907],
    pearson: [
      [1.0, -0.12793081225655167, -0.11134507033157995, -0.1502864317662829],
      [-0.12793081225655167, 1.0, -0.10621524075288942, -0.08504312603288468],
      [-0.11134507033157995, -0.10621524075288942, 1.0, -0.07860283980766897],
      [-0.1502864317662829, -0.08504312603288468, -0.07860283980766897, 0.9999999999999998],
    ],
    spearman: [
      [0.9999999999999998, -0.12692987625220975, -0.11325869180907483, -0.1529169121979964],
      [-0.12692987625220975, 0.9999999999999998, -0.10247495580436061, -0.07578078962875662],
      [-0.11325869180907483, -0.10247495580436061, 0.9999999999999998, -0.07501473187978784],
      [-0.1529169121979964, -0.07578078962875662, -0.07501473187978784, 0.9999999999999998],
    ],
    alpha: [-0.2933959801618373, -0.17061551961890498, -0.6563580497750785],
    eig: [1.1616003071396122, 1.1063953666081796, 1.064420179258058, 0.6675841469941503],
    explained: [0.29040007678490304, 0.2765988416520449, 0.2661050448145145, 0.16689603674853756],
    load: [
      [0.7889954512268755, -0.2739812542332626, -0.10057497844849336, -0.5406524983592996],
      [0.05197204829303011, 0.7317320969493616, -0.657300535582046, -0.1726935158420023],
      [0.24437493768489657, -0.3900642907791647, -0.5893468981859599, 0.6639284392832092],
    ],
    scored: 55,
    r2: [0.18323090579773316, 0.18671075702619463, 0.12062046175110744, 0.07796531772351573],
    eff: [0.6201526583342887, 0.23197332110231994, 0.3605180598555212, 0.6106972441998241],
    bins: 7,
  },
};

function system(k: number, classOf: string[], stageIds: string[]): AuditInput['prepared']['system'] {
  return {
    stages: stageIds.map((id) => ({ id, name: { zh: id, en: id } })),
    classes: [...new Set(classOf)].map((id) => ({ id, name: { zh: id, en: id } })),
    indicators: Array.from({ length: k }, (_, i) => ({
      id: `i${i}`,
      name: { zh: `i${i}`, en: `i${i}` },
      classId: classOf[i],
      direction: 'positive' as const,
      value: { kind: 'field' as const, field: `i${i}` },
      weights: {},
    })),
  } as unknown as IndicatorSystem;
}

interface Case {
  s: number[][];
  raw: number[][];
  stage: number[];
  vetoed: number[];
  score: number[];
  weights: number[][];
  classOf: string[];
  /** Clip bounds on the raw scale, or none. */
  bounds?: { lo: number; hi: number };
}

function input(c: Case): AuditInput {
  const n = c.s.length;
  const k = c.s[0].length;
  return {
    prepared: {
      n,
      k,
      s: Float64Array.from(c.s.flat()),
      raw: c.raw.map((col) => Float64Array.from(col)),
      stage: Uint8Array.from(c.stage),
      report: c.raw.map((_, i) => ({
        id: `i${i}`,
        missing: 0,
        posInf: 0,
        negInf: 0,
        finite: 0,
        lo: c.bounds?.lo ?? NaN,
        hi: c.bounds?.hi ?? NaN,
        bounds: c.bounds ? 'quantile' : 'none',
        clippedLow: 0,
        clippedHigh: 0,
      })),
      normalization: { method: 'winsorized-minmax', lowerQuantile: 0.01, upperQuantile: 0.99 },
      system: system(
        k,
        c.classOf,
        c.weights.map((_, g) => (g === 0 ? 'x' : 'y')),
      ),
    },
    weights: Float64Array.from(c.weights.flat()),
    result: { score: Float64Array.from(c.score), vetoed: Uint8Array.from(c.vetoed) },
  };
}

const TOL = 1e-12;

/** Equal within TOL, NaN only where NaN is expected. */
function near(actual: readonly number[], expected: readonly number[], what: string, tol = TOL): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((a, j) => {
    const e = expected[j];
    if (Number.isNaN(e)) expect(a, `${what}[${j}]`).toBeNaN();
    else expect(Math.abs(a - e), `${what}[${j}] = ${a}, expected ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  });
}

function compare(g: GroupAudit, ref: Reference, alphaOrder: number[]): void {
  expect(g.rows).toBe(ref.n);
  expect(g.scored).toBe(ref.scored);
  near(g.coverage, ref.coverage, 'coverage');
  near([g.enterpriseCoverageMean], [ref.ent_mean], 'enterprise coverage');
  expect(g.enterprisesBelow).toBe(ref.ent_below);
  near(g.skewness, ref.skew, 'raw skewness');
  near(g.kurtosis, ref.kurt, 'raw kurtosis');
  near(g.sSkewness, ref.s_skew, 's skewness');
  near(g.sKurtosis, ref.s_kurt, 's kurtosis');
  if (ref.clip_low) expect(g.clippedLow).toEqual(ref.clip_low);
  if (ref.clip_high) expect(g.clippedHigh).toEqual(ref.clip_high);
  near(g.pearson, ref.pearson.flat(), 'pearson');
  near(g.spearman, ref.spearman.flat(), 'spearman');
  near(
    alphaOrder.map((j) => g.alpha[j].alpha),
    ref.alpha,
    'cronbach alpha',
  );
  near(g.pca.eigenvalues, ref.eig, 'eigenvalues', 1e-10);
  near(g.pca.explained, ref.explained, 'explained', 1e-10);
  near(g.pca.loadings.flat(), ref.load.slice(0, 3).flat(), 'loadings', 1e-9);
  near(g.r2, ref.r2, 'r2', 1e-10);
  near(g.effective, ref.eff, 'effective weights');
  expect(g.bins).toBe(ref.bins);
}

const SMALL: Case = {
  s: [
    [0.0, 0.5, 1.0],
    [0.2, 0.1, 0.4],
    [0.4, 0.1, 0.0],
    [1.0, 0.9, 0.3],
    [0.5, 0.0, 0.8],
    [0.5, 0.6, 0.2],
    [0.9, 1.0, 0.6],
    [0.1, 0.3, 0.9],
    [0.3, 0.3, 0.3],
  ],
  raw: [
    [1, 2, NaN, 10, 5, 5, 9, 1.5, 7],
    [3, NaN, NaN, 8, 0, 6, Infinity, 4, 4],
    [20, 2, -1, 3, NaN, 1, 5, 40, 2],
  ],
  stage: [0, 0, 0, 0, 1, 1, 1, 1, NO_STAGE],
  vetoed: [0, 0, 1, 0, 0, 0, 0, 0, 0],
  // 100 · w·s (row 3 with 5 bonus points, row 2 vetoed), as numpy computed them.
  score: [35.0, 21.000000000000004, 0.0, 88.0, 57.99999999999999, 34.0, 74.0, 62.0, 0.0],
  weights: [
    [0.5, 0.3, 0.2],
    [0.2, 0.2, 0.6],
  ],
  classOf: ['tech', 'tech', 'growth'],
};

/** The medium case's inputs from the same integer formulas as reference.py (exact in both). */
function mediumCase(): Case {
  const n = 60;
  const k = 4;
  const weights = [
    [0.4, 0.3, 0.2, 0.1],
    [0.1, 0.2, 0.3, 0.4],
  ];
  const stage = Array.from({ length: n }, (_, r) => (r === 59 ? NO_STAGE : r % 3 === 0 ? 1 : 0));
  const s = Array.from({ length: n }, (_, r) => Array.from({ length: k }, (_, i) => ((r * (2 * i + 3) + i * 7) % 11) / 10));
  const raw = Array.from({ length: k }, (_, i) =>
    Array.from({ length: n }, (_, r) => ((r + 2 * i) % 9 === 0 ? NaN : (r * (i + 1)) % 23 === 1 ? Infinity : ((r * (i + 5)) % 17) * (i + 1) + (r % 5) / 4)),
  );
  const vetoed = Array.from({ length: n }, (_, r) => (r % 17 === 5 ? 1 : 0));
  const score = Array.from({ length: n }, (_, r) => {
    const st = stage[r];
    if (st > 1 || vetoed[r]) return 0;
    let acc = 0;
    for (let i = 0; i < k; i++) acc += weights[st][i] * s[r][i];
    return 100 * acc + (r % 7 === 0 ? 3 : 0);
  });
  return { s, raw, stage, vetoed, score, weights, classOf: ['tech', 'tech', 'growth', 'growth'], bounds: { lo: 2, hi: 30 } };
}

describe('audit statistics against numpy/scipy (literal values)', () => {
  it('9 rows, 3 indicators, 2 stages, a vetoed row, a row without a stage, missing and infinite raw values', () => {
    const audit = computeAudit(input(SMALL));
    expect(audit.groups.map((g) => g.id)).toEqual(['x', 'y', 'all']);
    // Classes: tech (2 items), growth (1 item: no α), all.
    for (const g of audit.groups) {
      expect(g.alpha.map((a) => a.id)).toEqual(['tech', 'growth', 'all']);
      expect(g.alpha[1].alpha).toBeNaN();
    }
    compare(audit.groups[0], SMALL_NUMPY.x, [0, 2]);
    compare(audit.groups[1], SMALL_NUMPY.y, [0, 2]);
    compare(audit.groups[2], SMALL_NUMPY.all, [0, 2]);
  });

  it('60 rows, 4 indicators with many ties, clipping at fixed bounds, 4–7 bins', () => {
    const audit = computeAudit(input(mediumCase()));
    compare(audit.groups[0], MEDIUM_NUMPY.x, [0, 1, 2]);
    compare(audit.groups[1], MEDIUM_NUMPY.y, [0, 1, 2]);
    compare(audit.groups[2], MEDIUM_NUMPY.all, [0, 1, 2]);
  });
});

// ---- An independent, textbook implementation for the properties (O(n²) ranks, no shortcuts) ----

function mean(x: number[]): number {
  return x.reduce((a, b) => a + b, 0) / x.length;
}
function pearsonOf(x: number[], y: number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let j = 0; j < x.length; j++) {
    sxy += (x[j] - mx) * (y[j] - my);
    sxx += (x[j] - mx) ** 2;
    syy += (y[j] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
function averageRanks(x: number[]): number[] {
  return x.map((v) => x.filter((u) => u < v).length + (x.filter((u) => u === v).length + 1) / 2);
}
function skewOf(x: number[]): number {
  const m = mean(x);
  const m2 = mean(x.map((v) => (v - m) ** 2));
  return mean(x.map((v) => (v - m) ** 3)) / m2 ** 1.5;
}
function correlationRatio(x: number[], y: number[]): number {
  const m = x.length;
  const B = Math.min(100, Math.floor(Math.sqrt(m)));
  const ym = mean(y);
  // A value's bin: ⌊(number of smaller values) · B / m⌋, so equal values share a bin.
  const sums = new Map<number, number[]>();
  x.forEach((v, j) => {
    const b = Math.floor((x.filter((u) => u < v).length * B) / m);
    sums.set(b, [...(sums.get(b) ?? []), y[j]]);
  });
  let between = 0;
  for (const ys of sums.values()) between += ys.length * (mean(ys) - ym) ** 2;
  return between / y.reduce((a, v) => a + (v - ym) ** 2, 0);
}

const randomCase = fc
  .record({
    n: fc.integer({ min: 6, max: 40 }),
    k: fc.integer({ min: 2, max: 4 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
    // Continuous s (almost every value held by one row) or six levels (many ties).
    continuous: fc.boolean(),
  })
  .map(({ n, k, seed, continuous }) => {
    let t = seed + 1;
    const next = () => ((t = (t * 1103515245 + 12345) % 2147483648), t / 2147483648);
    const s = Array.from({ length: n }, () => Array.from({ length: k }, () => (continuous ? next() : Math.floor(next() * 6) / 5)));
    const raw = Array.from({ length: k }, () => Array.from({ length: n }, () => (next() < 0.2 ? NaN : next() < 0.05 ? Infinity : Math.round(next() * 1000) / 10)));
    const stage = Array.from({ length: n }, () => (next() < 0.1 ? NO_STAGE : next() < 0.5 ? 0 : 1));
    const vetoed = Array.from({ length: n }, () => (next() < 0.1 ? 1 : 0));
    const weights = [Array.from({ length: k }, () => 1 / k), Array.from({ length: k }, (_, i) => (i + 1) / ((k * (k + 1)) / 2))];
    const score = s.map((row, r) => (vetoed[r] || stage[r] > 1 ? 0 : 100 * row.reduce((a, v, i) => a + weights[stage[r]][i] * v, 0) + (next() < 0.2 ? 1 : 0)));
    return { s, raw, stage, vetoed, score, weights, classOf: Array.from({ length: k }, (_, i) => (i % 2 ? 'a' : 'b')) } satisfies Case;
  });

describe('audit statistics against textbook formulas (properties)', () => {
  it('coverage, shapes, Pearson, Spearman, r² and effective weights of every group', () => {
    fc.assert(
      fc.property(randomCase, (c) => {
        const audit = computeAudit(input(c));
        const k = c.s[0].length;
        audit.groups.forEach((g, gi) => {
          const inGroup = (r: number) => c.stage[r] !== NO_STAGE && (gi === 2 || c.stage[r] === gi);
          const rows = c.s.map((_, r) => r).filter(inGroup);
          const scoredRows = rows.filter((r) => !c.vetoed[r]);
          expect(g.rows).toBe(rows.length);
          if (rows.length < 3) return;
          for (let i = 0; i < k; i++) {
            const present = rows.filter((r) => !Number.isNaN(c.raw[i][r]));
            expect(g.coverage[i]).toBeCloseTo(present.length / rows.length, 12);
            const finite = present.map((r) => c.raw[i][r]).filter(Number.isFinite);
            if (finite.length > 1 && Math.min(...finite) < Math.max(...finite)) expect(g.skewness[i]).toBeCloseTo(skewOf(finite), 9);
            else expect(g.skewness[i]).toBeNaN();
            const xi = rows.map((r) => c.s[r][i]);
            for (let j = 0; j < k; j++) {
              const xj = rows.map((r) => c.s[r][j]);
              const constant = Math.min(...xi) === Math.max(...xi) || Math.min(...xj) === Math.max(...xj);
              if (constant) {
                expect(g.pearson[i * k + j]).toBeNaN();
                continue;
              }
              expect(g.pearson[i * k + j]).toBeCloseTo(i === j ? 1 : pearsonOf(xi, xj), 9);
              expect(g.spearman[i * k + j]).toBeCloseTo(i === j ? 1 : pearsonOf(averageRanks(xi), averageRanks(xj)), 9);
            }
            const ys = scoredRows.map((r) => c.score[r]);
            const xs = scoredRows.map((r) => c.s[r][i]);
            if (ys.length >= 2 && Math.min(...ys) < Math.max(...ys)) {
              expect(g.effective[i]).toBeCloseTo(correlationRatio(xs, ys), 9);
              if (Math.min(...xs) < Math.max(...xs)) expect(g.r2[i]).toBeCloseTo(pearsonOf(xs, ys) ** 2, 9);
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('PCA: each loading vector is a unit eigenvector of the correlation matrix, eigenvalues descending and summing to the indicator count', () => {
    fc.assert(
      fc.property(randomCase, (c) => {
        for (const g of computeAudit(input(c)).groups) {
          const used = g.pca.used;
          const m = used.length;
          if (m === 0 || g.rows < 3) continue;
          const ev = g.pca.eigenvalues;
          expect(ev.reduce((a, b) => a + b, 0)).toBeCloseTo(m, 9);
          for (let j = 1; j < m; j++) expect(ev[j]).toBeLessThanOrEqual(ev[j - 1] + 1e-12);
          g.pca.loadings.forEach((vec, comp) => {
            const v = used.map((i) => vec[i]);
            expect(v.reduce((a, x) => a + x * x, 0)).toBeCloseTo(1, 9);
            const k = g.coverage.length;
            used.forEach((i, a) => {
              const rv = used.reduce((acc, j, b) => acc + g.pearson[i * k + j] * v[b], 0);
              expect(rv).toBeCloseTo(ev[comp] * v[a], 8);
            });
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the Jacobi eigen-solver', () => {
  it('a 2×2 correlation matrix [[1, r], [r, 1]] has eigenvalues 1 ± r with vectors (1, ±1)/√2', () => {
    const { values, vectors } = symmetricEigen([1, 0.6, 0.6, 1], 2);
    near(Array.from(values), [1.6, 0.4], 'eigenvalues');
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0] * vectors[1]).toBeCloseTo(0.5, 14);
    expect(vectors[2] * vectors[3]).toBeCloseTo(-0.5, 14);
  });
});

describe('the audit of an engine run', () => {
  const sys = twoStageSystem(3);
  const { columns, stage } = randomData(2000, 3, 7, 0);
  const run = scored(preparedFor(sys, columns, stage));
  const audit = computeAudit({ prepared: run.prepared, weights: effectiveWeights(sys), result: run.result });

  it("clipping counts over the population equal the engine's own count (another code path, scoring.md §4)", () => {
    const all = audit.groups[2];
    expect(all.clippedLow).toEqual(run.prepared.report.map((r) => r.clippedLow));
    expect(all.clippedHigh).toEqual(run.prepared.report.map((r) => r.clippedHigh));
    expect(all.clippedLow.some((c) => c > 0)).toBe(true);
  });

  it("nominal weights are the stage weights, and for `all` the mean over the scored rows' stages", () => {
    const w = effectiveWeights(sys);
    const [young, old, all] = audit.groups;
    near(young.nominal, Array.from(w.subarray(0, 3)), 'young');
    near(old.nominal, Array.from(w.subarray(3, 6)), 'old');
    const mix = [0, 1, 2].map((i) => (young.scored * w[i] + old.scored * w[3 + i]) / (young.scored + old.scored));
    near(all.nominal, mix, 'all');
  });

  it('an indicator with a large weight is the effective driver: its S and r² are the largest in the old stage', () => {
    // Old-stage weights are 1/6, 2/6, 3/6 on independent uniform indicators: Var shares ≈ 1:4:9 / 14.
    const old = audit.groups[1];
    expect(old.effective[2]).toBeGreaterThan(old.effective[1]);
    expect(old.effective[1]).toBeGreaterThan(old.effective[0]);
    expect(old.effective[2]).toBeGreaterThan(0.5);
    expect(old.effective[2]).toBeLessThan(0.8);
    expect(Math.abs(old.r2[2] - 9 / 14)).toBeLessThan(0.06);
  });
});

describe('the JRC 65 % coverage rule', () => {
  it('flags an indicator or an enterprise below 65 %, not one at exactly 65 %', () => {
    // 20 indicators; row 0 has 13 values (65 %), row 1 has 12 (60 %). Indicator 0 is present in
    // 13 of 20 rows, indicator 1 in 12.
    const k = 20;
    const n = 20;
    const raw = Array.from({ length: k }, (_, i) =>
      Array.from({ length: n }, (_, r) => (r === 0 ? (i < 13 ? 1 : NaN) : r === 1 ? (i < 12 ? 1 : NaN) : i === 0 ? (r < 13 ? 1 : NaN) : i === 1 ? (r < 12 ? 1 : NaN) : r)),
    );
    const s = Array.from({ length: n }, (_, r) => Array.from({ length: k }, (_, i) => ((r + i) % 3) / 2));
    const c: Case = { s, raw, stage: Array(n).fill(0), vetoed: Array(n).fill(0), score: s.map((row) => row[0]), weights: [Array(k).fill(1 / k)], classOf: Array(k).fill('c') };
    const g = computeAudit(input(c)).groups[0];
    expect(g.coverage[0]).toBe(0.65);
    expect(g.coverageFlagged[0]).toBe(false);
    expect(g.coverage[1]).toBe(0.6);
    expect(g.coverageFlagged[1]).toBe(true);
    expect(g.enterprisesBelow).toBe(1);
  });
});

describe('the audit outputs', () => {
  const audit = computeAudit(input(SMALL));

  it('JSON: per stage id and `all`, s-based statistics by indicator id, null where not defined', () => {
    const json = auditJson(audit);
    expect(Object.keys(json)).toEqual(['x', 'y', 'all']);
    const x = json.x;
    expect(x.rows).toBe(4);
    expect(x.scored_rows).toBe(3);
    expect(x.coverage).toEqual({ i0: 0.75, i1: 0.5, i2: 1 });
    // skewness/kurtosis of s (the contract's audit output), as numpy computed them above.
    near(Object.values(x.skewness) as number[], SMALL_NUMPY.x.s_skew, 'json skewness');
    near(Object.values(x.kurtosis) as number[], SMALL_NUMPY.x.s_kurt, 'json kurtosis');
    expect(x.pearson.i0.i2).toBeCloseTo(SMALL_NUMPY.x.pearson[0][2], 12);
    expect(x.spearman.i2.i0).toBeCloseTo(SMALL_NUMPY.x.spearman[2][0], 12);
    expect(x.cronbach_alpha).toEqual({ tech: expect.closeTo(SMALL_NUMPY.x.alpha[0], 12), growth: null, all: expect.closeTo(SMALL_NUMPY.x.alpha[1], 12) });
    near(x.pca_explained, SMALL_NUMPY.x.explained, 'json explained', 1e-10);
    expect(Object.keys(x.effective_weights)).toEqual(['i0', 'i1', 'i2']);
    // JSON has no NaN: a round trip keeps every value.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('XLSX: a sheet per statistic, one row per scope × indicator, the unrounded values, names not ids', async () => {
    const names = system(3, SMALL.classOf, ['x', 'y']);
    const table = auditExportTable(audit, names, 'zh', [['方案 Scenario', '=HYPERLINK("x")']]);
    const wb = new ExcelJS.Workbook();
    const bytes = toXlsx(table);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['覆盖率与分布', '相关系数', '同类负相关', '克朗巴哈α', '主成分', '有效权重', '审核范围', '方案说明']);
    const first = wb.getWorksheet('覆盖率与分布')!;
    expect(first.rowCount).toBe(1 + 3 * 3);
    expect(first.getRow(2).getCell(1).value).toBe('x');
    expect(first.getRow(8).getCell(1).value).toBe('全部企业');
    expect(first.getRow(2).getCell(4).value).toBe(0.75);
    const corr = wb.getWorksheet('相关系数')!;
    expect(corr.rowCount).toBe(1 + 3 * 2 * 3);
    expect(corr.getRow(2).getCell(5).value).toBeCloseTo(SMALL_NUMPY.x.pearson[0][1], 12);
    const alpha = wb.getWorksheet('克朗巴哈α')!;
    expect(alpha.getRow(3).getCell(2).value).toBe('growth');
    expect(alpha.getRow(3).getCell(4).value).toBeNull();
    // A formula-looking note is written as text, never as a formula.
    expect(wb.getWorksheet('方案说明')!.getCell('B1').value).toBe('\'=HYPERLINK("x")');
  });

  it('the driver is the largest effective weight; undefined ones sort last; cumulative shares', () => {
    expect(effectiveOrder({ effective: [0.1, NaN, 0.5, 0.1] })).toEqual([2, 0, 3, 1]);
    expect(scoreDriver({ effective: [0.1, NaN, 0.5] })).toBe(2);
    expect(scoreDriver({ effective: [NaN, NaN] })).toBe(-1);
    near(cumulative([0.5, 0.25, 0.25]), [0.5, 0.75, 1], 'cumulative');
    const rows = effectiveWeightRows({ rows: [{ label: 'a', nominal: 0.2, effective: NaN, r2: 0.1 }] }, 'en');
    expect(rows).toEqual([
      { indicator: 'a', measure: 'Nominal weight', value: 0.2 },
      { indicator: 'a', measure: 'Effective weight Sᵢ', value: null },
      { indicator: 'a', measure: 'r²', value: 0.1 },
    ]);
  });
});
