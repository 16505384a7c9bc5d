import katex from 'katex';

/**
 * The formulas of the 方法说明 view as TeX, shared by both languages (symbols are explained in each
 * language's prose). Keyed by paragraph id; a paragraph may show several display formulas.
 */
export const MATH = {
  population: [],
  stage: [String.raw`\text{initial: } d \ge T - 5\,\mathrm{y} \qquad \text{growth: } T - 10\,\mathrm{y} \le d < T - 5\,\mathrm{y} \qquad \text{stable: } d < T - 10\,\mathrm{y}`],
  ratio: [
    String.raw`\operatorname{ratio}(a, b) = \begin{cases} a / b & b > 0 \\ +\infty & b = 0,\ a > 0 \\ 0 & b = 0,\ a = 0 \\ -\infty & b = 0,\ a < 0 \\ \text{missing} & b < 0 \text{ or } a, b \text{ missing} \end{cases}`,
  ],
  growth: [
    String.raw`\operatorname{growth}(y, y_{\text{prev}}) = \operatorname{ratio}(y - y_{\text{prev}},\ y_{\text{prev}})`,
    String.raw`\operatorname{sum}(a, b) = a + b \quad (\text{missing if } a \text{ or } b \text{ is missing})`,
  ],
  quantile: [String.raw`h = (n - 1)\,p, \qquad Q(F, p) = f_{\lfloor h \rfloor} + (h - \lfloor h \rfloor)\,\bigl(f_{\lfloor h \rfloor + 1} - f_{\lfloor h \rfloor}\bigr)`],
  'norm-winsorized-minmax': [
    String.raw`lo = Q(F, p_{lo}), \quad hi = Q(F, p_{hi}) \qquad (p_{lo} = 0.01,\ p_{hi} = 0.99)`,
    String.raw`c = \min(\max(x, lo), hi), \qquad s = \frac{c - lo}{hi - lo} \quad \text{or, reverse,} \quad s = \frac{hi - c}{hi - lo}`,
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
  weights: [String.raw`\sum_i w_{g,i} = 1 \quad \text{for each stage } g`],
  base: [String.raw`\text{base} = 100 \sum_{i=1}^{k} w_{g,i}\, s_i, \qquad \text{points}_i = 100\, w_{g,i}\, s_i`],
  bonus: [String.raw`\text{bonus} = \sum_j \min\bigl(\text{cap}_j,\ \text{points}_j \times \text{count}_j\bigr)`],
  veto: [String.raw`\text{score} = \begin{cases} 0 & \text{an active veto holds} \\ \text{base} + \text{bonus} & \text{otherwise} \end{cases}`],
  rank: [String.raw`\text{rank}(r) = 1 + \#\{\, q \in P : \text{score}_q > \text{score}_r \,\}`],
  'whatif-compare': [
    String.raw`\rho = \frac{\sum (a_i - \bar a)(b_i - \bar b)}{\sqrt{\sum (a_i - \bar a)^2 \sum (b_i - \bar b)^2}}`,
    String.raw`\tau_b = \frac{n_0 - n_1 - n_2 + n_3 - 2S}{\sqrt{(n_0 - n_1)(n_0 - n_2)}}, \quad n_0 = \frac{n(n-1)}{2}`,
  ],
  'whatif-sensitivity': [String.raw`w_i' = \min\bigl(S,\ w_i (1 \pm x)\bigr), \qquad w_j' = w_j\,\frac{S - w_i'}{S - w_i} \quad (j \ne i)`],
  'whatif-montecarlo': [
    String.raw`w_i' = \frac{w_i\,(1 + x(2u_i - 1))}{\sum_j w_j\,(1 + x(2u_j - 1))}, \qquad u_i \sim U(0, 1)`,
    String.raw`P(\text{top } N) = \frac{\#\{\text{samples with rank} \le N\}}{S}`,
  ],
  'whatif-agreement': [String.raw`\text{overlap}(A, B) = \frac{|A \cap B|}{\max(|A|, |B|)}`],
  'whatif-lists': [String.raw`\text{top-}x\%: \ \text{rank in group} \le \Bigl\lceil \frac{x}{100}\, g \Bigr\rceil`],
  profile: [String.raw`x \;\to\; c = \min(\max(x, lo), hi) \;\to\; s \;\to\; \text{points} = 100\, w\, s \;\to\; \text{score} = \sum \text{points} + \text{bonus}`],
} satisfies Record<string, string[]>;

export type ParaId = keyof typeof MATH;

/**
 * TeX → HTML (with MathML for screen readers) at render time. The TeX is our own constant text above,
 * never user input, so the HTML is safe to insert; throwOnError makes a typo fail the tests.
 */
export function renderTex(tex: string): string {
  return katex.renderToString(tex, { displayMode: true, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
}
