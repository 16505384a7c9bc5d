import katex from 'katex';
import type { Lang } from '../../i18n/lang.ts';
import { METHOD, type ParaId } from '../../i18n/method.ts';

export type { ParaId };

/**
 * The formulas of the 方法说明 view as TeX, keyed by paragraph id; a paragraph may show several
 * display formulas. Symbols are shared by both languages (explained in each language's prose); the
 * words inside \text{} are the reader's language (src/i18n/method.ts, `tex`).
 */
export function mathFor(lang: Lang): Record<ParaId, string[]> {
  const w = METHOD[lang].tex;
  const t = (s: string) => String.raw`\text{${s}}`;
  return {
    population: [],
    stage: [String.raw`${t(w.initial)} d \ge T - 5\,${t(w.y)} \qquad ${t(w.growth)} T - 10\,${t(w.y)} \le d < T - 5\,${t(w.y)} \qquad ${t(w.stable)} d < T - 10\,${t(w.y)}`],
    ratio: [
      String.raw`${t(w.ratio)}(a, b) = \begin{cases} a / b & b > 0 \\ +\infty & b = 0,\ a > 0 \\ 0 & b = 0,\ a = 0 \\ -\infty & b = 0,\ a < 0 \\ ${t(w.missing)} & b < 0 ${t(w.or)} a, b ${t(w.missingAfter)} \end{cases}`,
    ],
    growth: [
      String.raw`${t(w.growthRate)}(y, y_{${t(w.prev)}}) = ${t(w.ratio)}(y - y_{${t(w.prev)}},\ y_{${t(w.prev)}})`,
      String.raw`${t(w.sum)}(a, b) = a + b \quad (${t(w.sumMissingPre)} a ${t(w.or)} b ${t(w.sumMissingPost)})`,
    ],
    formula: [String.raw`a \div b = ${t(w.ratio)}(a, b), \qquad ${t(w.growthRate)}(y, y_{${t(w.prev)}}) = ${t(w.ratio)}(y - y_{${t(w.prev)}},\ y_{${t(w.prev)}})`],
    quantile: [String.raw`h = (n - 1)\,p, \qquad Q(F, p) = f_{\lfloor h \rfloor} + (h - \lfloor h \rfloor)\,\bigl(f_{\lfloor h \rfloor + 1} - f_{\lfloor h \rfloor}\bigr)`],
    'norm-winsorized-minmax': [
      String.raw`lo = Q(F, p_{lo}), \quad hi = Q(F, p_{hi}) \qquad (p_{lo} = 0.01,\ p_{hi} = 0.99)`,
      String.raw`c = \min(\max(x, lo), hi), \qquad s = \frac{c - lo}{hi - lo} \quad ${t(w.orReverse)} \quad s = \frac{hi - c}{hi - lo}`,
    ],
    'norm-minmax': [String.raw`lo = \min F, \quad hi = \max F, \qquad s = \frac{c - lo}{hi - lo}`],
    'norm-zscore': [
      String.raw`\mu = \frac{1}{n}\sum f_j, \quad \sigma = \sqrt{\frac{1}{n}\sum (f_j - \mu)^2}, \quad z = \frac{x - \mu}{\sigma}`,
      String.raw`s = \min\Bigl(1, \max\Bigl(0, \frac{z + 3}{6}\Bigr)\Bigr) = \frac{c - lo}{hi - lo}, \quad lo = \mu - 3\sigma,\ hi = \mu + 3\sigma`,
    ],
    'norm-percentile-rank': [String.raw`s = \frac{\#\{f < x\} + \bigl(\#\{f = x\} - 1\bigr)/2}{n - 1}`],
    'norm-log-minmax': [
      String.raw`t(x) = \operatorname{sign}(x)\,\ln(1 + |x|), \qquad lo = Q(t(F), p_{lo}),\ hi = Q(t(F), p_{hi}), \qquad s = \frac{\min(\max(t(x), lo), hi) - lo}{hi - lo}`,
    ],
    'norm-efficacy': [String.raw`d = 60 + 40\,\frac{c - x_u}{x_s - x_u}, \qquad s = \frac{d}{100} \in [0.6,\ 1]`],
    missing: [],
    weights: [String.raw`\sum_i w_{g,i} = 1 \quad ${t(w.eachStage)} g`],
    base: [String.raw`${t(w.base)} = 100 \sum_{i=1}^{k} w_{g,i}\, s_i, \qquad ${t(w.points)}_i = 100\, w_{g,i}\, s_i`],
    bonus: [String.raw`${t(w.bonus)} = \sum_j \min\bigl(${t(w.cap)}_j,\ ${t(w.points)}_j \times ${t(w.count)}_j\bigr)`],
    veto: [String.raw`${t(w.score)} = \begin{cases} 0 & ${t(w.vetoHolds)} \\ ${t(w.base)} + ${t(w.bonus)} & ${t(w.otherwise)} \end{cases}`],
    rank: [String.raw`${t(w.rank)}(r) = 1 + \#\{\, q \in P : ${t(w.score)}_q > ${t(w.score)}_r \,\}`],
    segment: [
      String.raw`${t(w.rank)}_S(r) = 1 + \#\{\, q \in S : ${t(w.score)}_q > ${t(w.score)}_r \,\}, \qquad r \in S \subseteq P`,
      String.raw`S' = S \cap \{\, r \in P : lo \le ${t(w.score)}_r \le hi \,\}`,
    ],
    'whatif-compare': [
      String.raw`\rho = \frac{\sum (a_i - \bar a)(b_i - \bar b)}{\sqrt{\sum (a_i - \bar a)^2 \sum (b_i - \bar b)^2}}`,
      String.raw`\tau_b = \frac{n_0 - n_1 - n_2 + n_3 - 2S}{\sqrt{(n_0 - n_1)(n_0 - n_2)}}, \quad n_0 = \frac{n(n-1)}{2}`,
    ],
    'whatif-sensitivity': [String.raw`w_i' = \min\bigl(S,\ w_i (1 \pm x)\bigr), \qquad w_j' = w_j\,\frac{S - w_i'}{S - w_i} \quad (j \ne i)`],
    'whatif-montecarlo': [
      String.raw`w_i' = \frac{w_i\,(1 + x(2u_i - 1))}{\sum_j w_j\,(1 + x(2u_j - 1))}, \qquad u_i \sim U(0, 1)`,
      String.raw`P(${t(w.topPre)} N ${t(w.topPost)}) = \frac{\#\{${t(w.samplesWithRank)} \le N ${t(w.samplesPost)}\}}{S}`,
    ],
    'whatif-sobol': [
      String.raw`A, B \in [0, 1)^{N \times d}, \qquad \bigl(A_B^{(i)}\bigr)_{j,l} = \begin{cases} B_{j,i} & l = i \\ A_{j,l} & ${t(w.otherwise)} \end{cases}`,
      String.raw`w'_{g,i}(u) = \frac{w_{g,i}\,(1 + x(2u_i - 1))}{\sum_l w_{g,l}\,(1 + x(2u_l - 1))} \quad ${t(w.eachStage)} g${t(w.sameU)}`,
      String.raw`V_i = \frac{1}{N} \sum_{j=1}^{N} f(B)_j \bigl(f(A_B^{(i)})_j - f(A)_j\bigr), \qquad V_{T,i} = \frac{1}{2N} \sum_{j=1}^{N} \bigl(f(A)_j - f(A_B^{(i)})_j\bigr)^2`,
      String.raw`S_i = \frac{V_i}{V}, \quad S_{T,i} = \frac{V_{T,i}}{V}, \qquad V = \frac{1}{2N} \sum_{j=1}^{N} \bigl((f(A)_j - \bar f)^2 + (f(B)_j - \bar f)^2\bigr)`,
      String.raw`\bigl[\,Q(\{S_i^{*b}\}, 0.025),\ Q(\{S_i^{*b}\}, 0.975)\,\bigr], \qquad b = 1, \dots, 200`,
    ],
    'whatif-agreement': [String.raw`${t(w.overlap)}(A, B) = \frac{|A \cap B|}{\max(|A|, |B|)}`],
    'whatif-lists': [String.raw`${t(w.topX)}x\%: \ ${t(w.rankInGroup)} \le \Bigl\lceil \frac{x}{100}\, g \Bigr\rceil`],
    'whatif-stability': [
      String.raw`w_i = t, \qquad w_j(t) = w_j\,\frac{1 - t}{\sum_{l \ne i} w_l} \quad (j \ne i)`,
      String.raw`${t(w.score)}_r(t) = ${t(w.bonus)}_r + 100\bigl(R_r + t\,(s_{r,i} - R_r)\bigr), \qquad R_r = \frac{\sum_{j \ne i} w_j\, s_{r,j}}{\sum_{j \ne i} w_j}`,
    ],
    'whatif-audit': [
      String.raw`m_p = \frac{1}{n}\sum_j (x_j - \bar x)^p, \qquad g_1 = \frac{m_3}{m_2^{3/2}}, \qquad g_2 = \frac{m_4}{m_2^{2}} - 3`,
      String.raw`\alpha = \frac{m}{m - 1}\Bigl(1 - \frac{\sum_i \sigma_i^2}{\sigma_{\Sigma}^2}\Bigr), \qquad \sigma_{\Sigma}^2 = \sigma^2\Bigl(\sum_i s_i\Bigr)`,
      String.raw`\hat S_i = \frac{\sum_{b=1}^{B} m_b\,(\bar y_b - \bar y)^2}{\sum_r (y_r - \bar y)^2}, \qquad B = \min\bigl(100, \lfloor \sqrt{m} \rfloor\bigr), \qquad r_i^2 = \frac{\sigma_{s_i y}^2}{\sigma_{s_i}^2\,\sigma_y^2}`,
    ],
    profile: [String.raw`x \;\to\; c = \min(\max(x, lo), hi) \;\to\; s \;\to\; ${t(w.points)} = 100\, w\, s \;\to\; ${t(w.score)} = \sum ${t(w.points)} + ${t(w.bonus)}`],
  };
}

/**
 * TeX → HTML (with MathML for screen readers) at render time. The TeX is our own text above (words from
 * src/i18n/method.ts), never user input, so the HTML is safe to insert; throwOnError makes a typo fail the tests.
 */
export function renderTex(tex: string): string {
  return katex.renderToString(tex, { displayMode: true, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
}
