import type { Lang } from './lang.ts';

/** The paragraphs of the 方法说明 view, in page order; each has an anchor #m-<id>. */
export const PARA_IDS = [
  'population',
  'stage',
  'ratio',
  'growth',
  'formula',
  'quantile',
  'norm-winsorized-minmax',
  'norm-minmax',
  'norm-zscore',
  'norm-percentile-rank',
  'norm-log-minmax',
  'norm-efficacy',
  'missing',
  'weights',
  'base',
  'bonus',
  'veto',
  'rank',
  'segment',
  'whatif-compare',
  'whatif-sensitivity',
  'whatif-montecarlo',
  'whatif-sobol',
  'whatif-agreement',
  'whatif-lists',
  'whatif-stability',
  'whatif-audit',
  'profile',
] as const;

export type ParaId = (typeof PARA_IDS)[number];

/** One paragraph of the 方法说明 view: a heading and plain-text prose (shown as text, never HTML). */
export interface ParaText {
  title: string;
  body: string[];
}

export interface MethodText {
  title: string;
  intro: string;
  print: string;
  sections: { title: string; paras: ParaId[] }[];
  paras: Record<ParaId, ParaText>;
  weightsTable: string;
  indicator: string;
  bonusTable: string;
  item: string;
  perCount: string;
  cap: string;
  vetoTable: string;
  mandatory: string;
  optional: string;
  /** The accessible label of a "说明" link beside a control. */
  linkLabel: (topic: string) => string;
  linkText: string;
  /** The words inside the formulas' \text{} (src/ui/method/math.ts), so a formula reads in the page's language. */
  tex: {
    initial: string;
    growth: string;
    stable: string;
    y: string;
    ratio: string;
    missing: string;
    or: string;
    missingAfter: string;
    growthRate: string;
    prev: string;
    sum: string;
    sumMissingPre: string;
    sumMissingPost: string;
    orReverse: string;
    eachStage: string;
    base: string;
    points: string;
    bonus: string;
    cap: string;
    count: string;
    score: string;
    vetoHolds: string;
    otherwise: string;
    rank: string;
    topPre: string;
    topPost: string;
    samplesWithRank: string;
    samplesPost: string;
    overlap: string;
    topX: string;
    rankInGroup: string;
    /** After "for each stage g" in the Sobol weight formula. */
    sameU: string;
  };
}

const SECTIONS: ParaId[][] = [
  ['population', 'stage'],
  ['ratio', 'growth', 'formula'],
  ['quantile', 'norm-winsorized-minmax', 'norm-minmax', 'norm-zscore', 'norm-percentile-rank', 'norm-log-minmax', 'norm-efficacy', 'missing'],
  ['weights', 'base', 'bonus', 'veto'],
  ['rank', 'segment'],
  ['profile'],
  ['whatif-compare', 'whatif-sensitivity', 'whatif-montecarlo', 'whatif-sobol', 'whatif-agreement', 'whatif-lists', 'whatif-stability', 'whatif-audit'],
];

const zh: MethodText = {
  title: '方法说明',
  intro: '本页列出工作台计算积分所用的全部公式：从原始数据到标准化值、基础分、加分、否决和排名，以及情景分析中每种方法的算法。浏览器、命令行评分工具使用同一套计算，结果一致。',
  print: '打印本页',
  sections: [
    '一、评价范围与生命周期阶段',
    '二、派生指标',
    '三、无量纲化（标准化）方法',
    '四、权重、基础分、加分与否决',
    '五、排名与并列',
    '六、企业画像中的计算明细',
    '七、情景分析方法',
  ].map((title, i) => ({ title, paras: SECTIONS[i] })),
  paras: {
    population: {
      title: '参评企业',
      body: [
        '统一社会信用代码缺失、不是18位或校验位错误（GB 32100-2015），代码在文件中重复（所有重复行均剔除），或注册日期缺失、无法识别、晚于评价截止日的行不参与评分，并在数据核验中列明原因。',
        '其余企业构成参评总体 P（被否决的企业也在 P 中）。下文的分位数、均值等统计量都在 P 上计算。',
      ],
    },
    stage: {
      title: '生命周期阶段',
      body: [
        '评价截止日 T 默认为评价年度的12月31日。按注册日期 d 与 T 的日历年差划分阶段（四川省体系）：初创期为成立不满5年，成长期为5至10年，稳定期为10年以上。',
        '“T − 5年”保持月和日不变；2月29日对应到非闰年时取2月28日。',
      ],
    },
    ratio: {
      title: '比值类指标',
      body: ['研发投入强度、科技人员占比等比值 a / b 按下式计算。分母为负或任一项缺失时记为缺失；分母为0时按分子的符号记为正无穷、0或负无穷，无穷值在标准化时取上下界。'],
    },
    growth: {
      title: '增长率与两年合计',
      body: ['增长率以“本年减上年”为分子、上年值为分母，同样适用上面的比值规则。两年合计（如近两年平台数）任一年缺失即为缺失。'],
    },
    formula: {
      title: '公式指标（自定义指标）',
      body: [
        '在“指标体系”中可以用公式新增指标，例如研发人员人均研发费用 = 研发费用 ÷ 科技人员数量。公式由数据字段、数字、加减乘除、括号和增长率函数（本年, 上年）组成（写法见“指标体系”页的说明），浏览器和命令行使用同一套解析与计算。',
        '除法与增长率函数都按上面的比值规则处理，所以用公式写出的研发投入强度与预置指标完全相同。任一字段缺失时结果为缺失值（得 0 分并标记）；无穷减无穷、0 乘无穷等无定义的结果也记为缺失。公式指标与其他指标一样标准化、加权。',
      ],
    },
    quantile: {
      title: '分位数（线性插值）',
      body: ['F 为某指标在 P 上的全部有限值（不含缺失与无穷），升序排列为 f₀ … fₙ₋₁。p 分位数按线性插值计算（与 Excel 的 PERCENTILE.INC 函数相同）。'],
    },
    'norm-winsorized-minmax': {
      title: '基于极端值调整的极值法（默认）',
      body: [
        '以第1和第99百分位数作为下界 lo 和上界 hi，把原始值 x 截断到 [lo, hi] 得到 c，再线性换算到0至1之间。正向指标越大越好，逆向指标越小越好。',
        '若 hi = lo，改用最小值和最大值；若仍相等，该指标对所有企业不提供区分信息，所有企业该项记0并在核验报告中说明。两个百分位数可在“权重”页调整。',
      ],
    },
    'norm-minmax': {
      title: '极值法（最小–最大）',
      body: ['以全部有限值的最小值和最大值为界，不剔除极端值。一个极大的异常值会把其他企业压缩到0附近。'],
    },
    'norm-zscore': {
      title: '标准化（Z分数）',
      body: ['以均值 μ 和总体标准差 σ 计算 z 分数，把均值上下3个标准差的区间线性映射到0至1，超出部分截断。逆向指标用 −z。标准差为0时，有值的企业统一记0.5。'],
    },
    'norm-percentile-rank': {
      title: '百分位排名',
      body: ['按企业在全部有限值中的名次打分：最小值记0，最大值记1，数值相同的企业取平均名次。只看先后顺序，不看差距大小。逆向指标取 1 − s。'],
    },
    'norm-log-minmax': {
      title: '非线性无量纲（对数极值法）',
      body: [
        '先对数值取带符号的对数 t(x)，再在对数尺度上按默认方法截断和换算。研发费用、营业收入等右偏明显的金额类指标，在对数尺度上分布更均匀。此时画像中的上下界和截断值也是对数尺度上的数值。',
      ],
    },
    'norm-efficacy': {
      title: '功效系数法',
      body: ['以默认方法的下界为不允许值 x_u、上界为满意值 x_s（逆向指标二者互换），功效分 d 在60至100之间，s = d / 100。有值的企业该项至少得0.6；指标为常数时有值企业统一记0.6。'],
    },
    missing: {
      title: '缺失值',
      body: ['任何方法下，指标值缺失的企业该项 s = 0，并计入数据核验报告的缺失统计。加分项缺失按0计，否决项缺失按“不触发”计。'],
    },
    weights: {
      title: '分阶段权重',
      body: ['每个阶段 g 有一套权重，同一阶段的权重之和为1（“权重”页以百分比显示和输入）。调整一个权重时，同阶段其他权重按原比例缩放，保持合计为1。下表为当前指标体系的权重。'],
    },
    base: {
      title: '基础分',
      body: ['企业按其所属阶段 g 的权重，把各指标的标准化值 s 加权求和再乘以100。每个指标对基础分的贡献即“得分”一栏，各项得分相加恰好等于基础分。'],
    },
    bonus: {
      title: '加分（特色指标）',
      body: ['每个加分项按“每项分值 × 数量”计分，但不超过该项上限；是/否类项目“是”计为1。各加分项之和即加分。'],
    },
    veto: {
      title: '否决（约束指标，清零）',
      body: ['发生重大安全事故、列入科研失信名单或失信被执行人等任一否决情形成立时，总分清零；否则总分 = 基础分 + 加分。否决项在“权重”页可查看启用状态（强制项不能关闭）。'],
    },
    rank: {
      title: '排名与并列',
      body: [
        '按总分从高到低排竞争名次（“1224”式）：得分相同的企业名次相同，其后的名次跳过相应位数。例如两家并列第2，则下一家为第4。阶段内排名在同一阶段内按同样规则计算。',
        '得分完全相等才算并列（按双精度数值比较）；并列时列表按统一社会信用代码排序，仅影响显示顺序，不影响名次。',
      ],
    },
    segment: {
      title: '细分范围',
      body: [
        '细分范围是对数据集各列的一个判断条件（例如 市 = 成都市 且 国民经济行业代码以 C39 开头），在本机的 DuckDB 中执行，读取文件和访问网络均已禁止。细分只选出企业，不重新评分：标准化的上下界取自全部参评企业，所以细分范围内企业的得分与全省排名中的得分相同。',
        '细分名次是范围内按同样规则（竞争名次）重新排出的名次；名单的名次、比例和分组也在范围内计算。',
        '得分范围按当前方案的总分筛选（含加分，否决企业为 0，两端都包含，按完整精度比较，不按显示的两位小数）。总分随权重和方法变化，所以更改方案后得分范围按新的得分重新筛选；蒙特卡洛在当前方案选出的企业内抽样。',
      ],
    },
    profile: {
      title: '企业画像：从原始值到总分',
      body: [
        '企业画像的指标明细表逐项列出：原始值 x、本次计算使用的下界 lo 和上界 hi、截断后的值 c、标准化值 s、权重 w 和得分。lo、hi 取自本次评分的计算结果，不是另行估算。',
        '“得分”一列之和等于基础分，基础分加上加分即为总分（被否决时总分为0）。',
      ],
    },
    'whatif-compare': {
      title: '方案对比：名次相关系数',
      body: [
        '比较两个方案的名次一致程度。斯皮尔曼 ρ 为两组名次（并列取平均名次）的相关系数；肯德尔 τ-b 统计名次先后一致的企业对与不一致的企业对，并对并列做校正。两者都在 −1 到 1 之间，1 表示名次完全一致。',
        '进入或退出名单的企业，列出两方案下得分变化最大的三个项目作为原因；否决状态变化总是列在首位。',
      ],
    },
    'whatif-sensitivity': {
      title: '敏感性分析（逐一变动权重）',
      body: ['每次只把一个指标的权重上调或下调 x%，同阶段其他权重按比例缩放，保持合计 S 不变，然后重新评分，统计名次平均变动、最大变动和名单进出数量。'],
    },
    'whatif-montecarlo': {
      title: '蒙特卡洛名次不确定性',
      body: [
        '重复抽样 S 次：每次把各权重在 ±x% 范围内随机扰动后重新归一（也可在给定上下限内均匀抽取权重，或随机选择标准化方法），重新评分并记录每家企业的名次。',
        '报告每家企业名次的中位数、5%至95%区间，以及进入前 N 名或名单的概率。同一随机种子得到完全相同的结果。',
      ],
    },
    'whatif-sobol': {
      title: '方差敏感性（Sobol 指数）',
      body: [
        '因素：每个指标一个因素 u_i，在 [0, 1) 上均匀、相互独立，共 d 个（四川省体系 d = 18）。u_i 把该指标在每个阶段的权重都乘以同一个倍数 1 + x(2u_i − 1)（x 为与蒙特卡洛共用的变动范围），然后各阶段权重分别除以其合计重新归一。因此“某指标的权重”是一个不确定量，而不是每个阶段各一个。',
        '设计（Saltelli 2010）：抽取两个 N × d 的基础矩阵 A 和 B（第 j 行由种子与 j 决定，与线程划分无关）；A_B^i 为把 A 的第 i 列换成 B 的第 i 列得到的矩阵。每个基础样本 j 在 A_j、B_j 和 d 个 A_B^i_j 处各重新评分一次，共 N(d + 2) 次。',
        '结果 f：(a) 全部企业名次变动绝对值的平均数；(b) 相对当前方案进入或退出所选名单的企业数；(c) 每家企业的名次（用于企业画像）。',
        '一阶指数 S_i 是权重 i 单独造成的方差份额，用 Saltelli 2010 的估计式；总效应指数 S_T 还包括它与其他权重的交互作用，用 Jansen 估计式。V 为 2N 个 f(A)_j、f(B)_j 的方差；V = 0（结果从不变化）时指数无定义，并说明原因。小的负值是抽样误差，不截断为 0。',
        '区间：自助法百分位区间。每次重抽从 N 个基础样本中有放回地抽 N 个（同一 j 的 A、B、A_B^i 一起抽），重新计算指数，共 200 次；取 2.5% 与 97.5% 分位数。相同种子得到完全相同的指数。',
      ],
    },
    'whatif-agreement': {
      title: '多种方法的吻合度',
      body: [
        '用同样的数据和权重，分别以六种标准化方法评分，两两比较 ρ、τ-b 和前 N 名重合率。最小 ρ ≥ 0.90 且最小重合率 ≥ 0.80 为“高度吻合”，≥ 0.70 且 ≥ 0.50 为“基本吻合”，否则为“吻合度较低”。',
      ],
    },
    'whatif-lists': {
      title: '名单规则（积分榜、白名单、备选企业名单）',
      body: [
        '在全部企业、各阶段、各领域或各城市范围内按得分排序：前 N 名（边界并列者全部入选，名单可能多于 N 家）、前 x%（g 为该范围企业数）、分档（如领跑5%、竞跑10%、进取20%）或分数线。',
        '被否决的企业不进入任何名单。备选企业名单为名单中有贷款需求的企业。',
      ],
    },
    'whatif-stability': {
      title: '权重稳定区间',
      body: [
        '对企业所在阶段的每项权重 i：把它设为 t（0 到 100%），同阶段其他权重按比例缩放使合计仍为 1，其他阶段和被否决企业的得分不变。此时每家企业的得分都是 t 的一次函数。',
        '另一家企业得分超过该企业的 t 构成一条半直线，端点为两条直线的交点。把落在 [0, 1] 内的交点排序后逐段计数，即得该企业名次不超过名额 N（前 N 名，全部企业范围）的全部 t 值，是精确结果而非抽样；并列不计为超过。不在榜时给出离当前权重最近的入榜取值。',
        '名单视图中的边缘企业：先按名单规则求出每个范围组的入选线（门槛规则为最低分，其余规则为该组入选的最低分），分差 = 得分 − 入选线；取分差最小的 N 家在榜企业和分差最大（最接近 0）的 N 家榜外企业，被否决或无阶段的企业不计入。对每家企业按上述方法求每项权重的稳定区间：在榜企业的“所需改动”是当前权重到所在区间较近端点的距离（端点为 0 或 100% 时不算），榜外企业是到最近入榜点的距离；取距离最小的一项为最敏感的权重。名次按名单范围（全部、阶段、城市或技术领域）计算。',
      ],
    },
    'whatif-audit': {
      title: '统计审核（欧盟联合研究中心与经合组织的综合指标审核）',
      body: [
        '审核对象是当前方案评分总体中有阶段的全部企业，按每个阶段和“全部企业”分别计算；根据数据计算的统计量包括被否决的企业，根据得分计算的（有效权重、r²）不包括被否决的企业（其得分为 0，与指标无关）。',
        '覆盖率：有数据（非缺失）的企业占比，按指标和按企业计算，低于 65% 标记（欧盟联合研究中心的规则）；±∞（分母为 0 的比值）算作有数据。',
        '偏度 g₁ 与峰度 g₂：有偏矩估计（即常用统计软件的默认算法），峰度为超额峰度，正态分布为 0。分别对原始值（截尾前，只取有限值）和标准化值 s（全部企业，缺失值 s = 0）计算；|g₁| > 2 且 g₂ > 3.5 时标记。截尾数为低于标准化下限或高于上限的有限原始值个数（对数极值法在对数尺度上比较）。',
        '相关结构：对 s 计算皮尔逊 r 和斯皮尔曼 ρ（并列取平均名次后的皮尔逊 r）；取值全部相同的指标没有相关系数。同一类别内 r < 0 的指标对单独列出。',
        '克朗巴哈 α：对每个类别和全部指标，按下式计算，m 为指标数；只有一个指标的类别没有 α。',
        '主成分：s 的相关矩阵（去掉取值全部相同的指标）用雅可比方法求特征值 λ 与单位特征向量；解释方差为 λ_c / Σλ，载荷为前三个主成分的特征向量，最大分量取正号。',
        '有效权重（帕鲁奥洛、赛萨纳、萨尔泰利，2013 年）：指标对得分 y 的主效应 Sᵢ = V(E[y | sᵢ]) / V(y)，V 表示方差。按 sᵢ 升序把 m 家未被否决的企业分为 B = min(100, ⌊√m⌋) 个等数量的箱（相同取值不拆开），用箱内平均得分估计条件均值；m 较小时约高估 (B − 1)/m。第二种估计 rᵢ² 是 sᵢ 与 y 的皮尔逊相关系数的平方。得分含加分，所以一个阶段的 ΣSᵢ 可以小于 1。“全部企业”的名义权重是各阶段权重按未被否决企业数的加权平均。',
      ],
    },
  },
  weightsTable: '各阶段权重',
  indicator: '指标',
  bonusTable: '加分项与上限',
  item: '项目',
  perCount: '每项分值',
  cap: '上限',
  vetoTable: '否决项',
  mandatory: '强制',
  optional: '可选',
  linkLabel: (topic) => `方法说明：${topic}`,
  linkText: '说明',
  tex: {
    initial: '初创期：',
    growth: '成长期：',
    stable: '稳定期：',
    y: '年',
    ratio: '比值',
    missing: '缺失',
    or: '或',
    missingAfter: '缺失',
    growthRate: '增长率',
    prev: '上年',
    sum: '合计',
    sumMissingPre: '',
    sumMissingPost: '缺失时为缺失',
    orReverse: '逆向指标：',
    eachStage: '对每个阶段',
    base: '基础分',
    points: '得分',
    bonus: '加分',
    cap: '上限',
    count: '数量',
    score: '总分',
    vetoHolds: '任一启用的否决项成立',
    otherwise: '其他情况',
    rank: '名次',
    topPre: '前',
    topPost: '名',
    samplesWithRank: '名次',
    samplesPost: '的抽样数',
    overlap: '重合度',
    topX: '前 ',
    rankInGroup: '组内名次',
    sameU: '（各阶段用同一组 u）',
  },
};

const en: MethodText = {
  title: 'Methodology',
  intro:
    'This page lists every formula the workbench uses to compute the points: from the raw data to normalised values, the base score, bonus, vetoes and ranks, and the algorithm of each what-if method. The browser and the command-line scorer run the same computation and give the same results.',
  print: 'Print this page',
  sections: [
    '1. Population and life-cycle stages',
    '2. Derived indicators',
    '3. Normalisation methods',
    '4. Weights, base score, bonus and vetoes',
    '5. Ranking and ties',
    '6. The calculation in the enterprise profile',
    '7. What-if methods',
  ].map((title, i) => ({ title, paras: SECTIONS[i] })),
  paras: {
    population: {
      title: 'Enterprises scored',
      body: [
        'A row is not scored when its unified social credit code is missing, not 18 characters or has a wrong check digit (GB 32100-2015), when the code occurs more than once in the file (every copy is excluded), or when its registration date is missing, unreadable or later than the as-of date. The data check lists each reason.',
        'The other enterprises form the population P (vetoed enterprises included). Quantiles, means and other statistics below are computed over P.',
      ],
    },
    stage: {
      title: 'Life-cycle stages',
      body: [
        'The as-of date T defaults to 31 December of the evaluation year. The registration date d is compared with T by calendar years (Sichuan system): initial is under 5 years, growth 5 to 10 years, stable over 10 years.',
        '"T − 5 years" keeps month and day; 29 February becomes 28 February in a non-leap year.',
      ],
    },
    ratio: {
      title: 'Ratio indicators',
      body: [
        'Ratios a / b such as R&D intensity or the share of technical staff follow this rule. A negative denominator or a missing side gives a missing value; a zero denominator gives +∞, 0 or −∞ by the sign of the numerator, and infinite values take the upper or lower bound when normalised.',
      ],
    },
    growth: {
      title: 'Growth rates and two-year sums',
      body: [
        'A growth rate has "this year minus last year" as numerator and last year as denominator, with the ratio rule above. A two-year sum (such as platforms in the last two years) is missing when either year is missing.',
      ],
    },
    formula: {
      title: 'Formula indicators (custom indicators)',
      body: [
        'In Indicator system an indicator can be added as a formula, such as R&D expense per technical staff member = R&D expense ÷ technical staff. A formula is made of data fields, numbers, + − × ÷, brackets and the growth function growth(current, previous); the browser and the command line parse and compute it with the same code.',
        'Division and growth follow the ratio rule above, so R&D intensity written as a formula equals the preset indicator exactly. A missing field makes the result missing (0 points, flagged); undefined results such as ∞ − ∞ or 0 × ∞ are missing too. A formula indicator is normalised and weighted like any other.',
      ],
    },
    quantile: {
      title: 'Quantiles (linear interpolation)',
      body: [
        'F is the set of finite values of an indicator over P (missing and infinite values left out), sorted as f₀ … fₙ₋₁. The p-quantile is interpolated linearly (Hyndman–Fan type 7, the same as Excel PERCENTILE.INC).',
      ],
    },
    'norm-winsorized-minmax': {
      title: 'Winsorised min–max (default)',
      body: [
        'The 1st and 99th percentiles are the lower bound lo and upper bound hi. The raw value x is clipped to [lo, hi], giving c, and rescaled linearly to 0–1. For a positive indicator more is better; for a reverse indicator less is better.',
        'If hi = lo, the minimum and maximum are used instead; if they are still equal the indicator tells the enterprises apart in no way, every enterprise gets 0 on it and the data check says so. Both percentiles can be changed on the Weights tab.',
      ],
    },
    'norm-minmax': {
      title: 'Min–max',
      body: ['The bounds are the minimum and maximum of all finite values; extremes are not trimmed. One very large outlier squeezes every other enterprise towards 0.'],
    },
    'norm-zscore': {
      title: 'Z-score',
      body: [
        'The z-score uses the mean μ and the population standard deviation σ; the interval of three standard deviations either side of the mean is mapped linearly onto 0–1 and values beyond it are clipped. A reverse indicator uses −z. When σ = 0, every enterprise with a value gets 0.5.',
      ],
    },
    'norm-percentile-rank': {
      title: 'Percentile rank',
      body: [
        'Each enterprise is scored by its position among all finite values: the smallest gets 0, the largest 1, and equal values share their average position. Only the order counts, not the size of the gaps. A reverse indicator uses 1 − s.',
      ],
    },
    'norm-log-minmax': {
      title: 'Log min–max (non-linear)',
      body: [
        'Values are first transformed by the signed logarithm t(x); the default method then clips and rescales on the log scale. Skewed money indicators such as R&D expense or revenue spread out more evenly there. The profile then shows the bounds and the clipped value on the log scale too.',
      ],
    },
    'norm-efficacy': {
      title: 'Efficacy coefficient',
      body: [
        'The lower bound of the default method is the unacceptable value x_u and the upper bound the satisfactory value x_s (swapped for a reverse indicator). The efficacy score d lies between 60 and 100 and s = d / 100, so an enterprise with a value gets at least 0.6; a constant indicator gives every present value 0.6.',
      ],
    },
    missing: {
      title: 'Missing values',
      body: [
        'Under every method, an enterprise whose value is missing gets s = 0 on that indicator, counted in the data check. A missing bonus field counts 0; a missing veto field counts as "does not hold".',
      ],
    },
    weights: {
      title: 'Weights per stage',
      body: [
        "Each stage g has its own weights, summing to 1 within the stage (shown and typed as percentages on the Weights tab). When one weight changes, the other weights of the stage are rescaled in proportion so the sum stays 1. The table below gives the current system's weights.",
      ],
    },
    base: {
      title: 'Base score',
      body: [
        "An enterprise's normalised values s are weighted with its stage g's weights, summed and multiplied by 100. Each indicator's contribution is the Points column of the profile; the points add up exactly to the base.",
      ],
    },
    bonus: {
      title: 'Bonus (distinctive indicators)',
      body: ['Each bonus item earns "points per unit × count", at most its cap; a yes/no item counts 1 for yes. The bonus is the sum over the items.'],
    },
    veto: {
      title: 'Vetoes (constraints, score set to 0)',
      body: [
        'When any veto holds (a major safety accident, a research-misconduct blacklist, a dishonest judgement debtor …) the score is 0; otherwise score = base + bonus. The Weights tab shows which vetoes are on (mandatory ones cannot be switched off).',
      ],
    },
    rank: {
      title: 'Ranks and ties',
      body: [
        'Ranks are competition ranks ("1224") by score, highest first: equal scores share a rank and the next rank skips accordingly. If two enterprises tie for 2nd, the next one is 4th. The rank within a stage applies the same rule within the stage.',
        'Only exactly equal scores tie (compared as double-precision numbers); tied enterprises are listed by their credit code, which changes the order shown but not the rank.',
      ],
    },
    segment: {
      title: 'Segments',
      body: [
        "A segment is one true/false condition over the dataset's columns (e.g. the city is Chengdu and the industry code starts with C39), run in DuckDB on this computer with file and network access switched off. A segment selects enterprises and does not score them again: the normalisation bounds come from every scored enterprise, so an enterprise's score in a segment equals its score in the province's ranking.",
        'The segment rank ranks the segment by the same rule (competition ranks); a list drawn from a segment takes its ranks, shares and groups within it.',
        'A score range selects by the total score under the current scenario (bonus included, 0 when vetoed, both ends included, compared at full precision, not at the two decimals shown). Scores change with the weights and the method, so after a change of scenario the range selects again by the new scores; Monte Carlo samples within the enterprises the current scenario selected.',
      ],
    },
    profile: {
      title: 'Enterprise profile: from the raw value to the score',
      body: [
        "The profile's indicator table lists, per indicator: the raw value x, the lower and upper bounds lo and hi this run used, the clipped value c, the normalised value s, the weight w and the points. lo and hi are taken from this run's computation, not estimated again.",
        'The Points column adds up to the base; base plus bonus is the score (0 when a veto holds).',
      ],
    },
    'whatif-compare': {
      title: 'Comparing scenarios: rank correlation',
      body: [
        'How far two scenarios agree on the ranking. Spearman ρ is the correlation of the two rankings (ties take their average rank); Kendall τ-b counts the pairs of enterprises in the same and in the opposite order, corrected for ties. Both lie between −1 and 1; 1 means identical rankings.',
        'For enterprises that enter or leave a list, the three items whose points changed most between the scenarios are given as reasons; a change of veto is always listed first.',
      ],
    },
    'whatif-sensitivity': {
      title: 'Sensitivity (one weight at a time)',
      body: [
        "One indicator's weight is raised or lowered by x %; the other weights of the stage are rescaled in proportion so the sum S stays the same; the data are scored again and the mean and largest rank changes and the list entries and exits are counted.",
      ],
    },
    'whatif-montecarlo': {
      title: 'Monte Carlo rank uncertainty',
      body: [
        "S samples: each perturbs every weight at random within ±x % and rescales the stage to 1 (or draws weights uniformly within bounds, or picks a normalisation method at random), scores again and records each enterprise's rank.",
        'Reported per enterprise: the median rank, the 5 %–95 % interval, and the probability of being in the top N or on the list. The same seed gives exactly the same results.',
      ],
    },
    'whatif-sobol': {
      title: 'Variance sensitivity (Sobol indices)',
      body: [
        'Factors: one factor u_i per indicator, uniform on [0, 1) and independent, d of them (d = 18 in the Sichuan system). u_i multiplies that indicator\'s weight in every stage by the same factor 1 + x(2u_i − 1) (x is the weight range shared with Monte Carlo); each stage\'s weights are then divided by their sum. So "the weight of an indicator" is one uncertain quantity, not one per stage.',
        'Design (Saltelli 2010): two N × d base matrices A and B are drawn (row j depends only on the seed and j, whatever the split over threads); A_B^i is A with its column i taken from B. Each base sample j is scored at A_j, B_j and the d points A_B^i_j: N(d + 2) scorings.',
        "Outputs f: (a) the mean absolute rank change over all enterprises; (b) the number of enterprises entering or leaving the chosen list relative to the current scenario; (c) each enterprise's rank (for the profile).",
        'The first-order index S_i is the share of variance weight i causes alone (Saltelli 2010 estimator); the total index S_T adds its interactions with the other weights (Jansen estimator). V is the variance of the 2N values f(A)_j, f(B)_j; when V = 0 (the output never changes) the indices are not defined and the reason is given. Small negative values are sampling noise and are not clipped to 0.',
        'Intervals: bootstrap percentile intervals. Each of 200 replicates draws N of the base samples with replacement (A, B and every A_B^i of a j together) and recomputes the indices; the interval is the 2.5 % and 97.5 % quantiles. The same seed gives exactly the same indices.',
      ],
    },
    'whatif-agreement': {
      title: 'Agreement between methods',
      body: [
        'The same data and weights are scored with each of the six normalisation methods and every pair is compared by ρ, τ-b and top-N overlap. Smallest ρ ≥ 0.90 and smallest overlap ≥ 0.80 is "high agreement"; ≥ 0.70 and ≥ 0.50 "moderate"; otherwise "low".',
      ],
    },
    'whatif-lists': {
      title: 'List rules (points board, white list, candidate list)',
      body: [
        'Enterprises are ordered by score overall, within a stage, a technology field or a city: top N (everyone tied at the boundary is included, so a list may exceed N), top x % (g is the size of the group), bands (such as leading 5 %, advancing 10 %, striving 20 %) or a score threshold.',
        'A vetoed enterprise is never on a list. The candidate list is the listed enterprises that state a loan demand.',
      ],
    },
    'whatif-stability': {
      title: 'Weight stability intervals',
      body: [
        "For each weight i of the enterprise's stage: set it to t (0 to 100 %) and rescale the stage's other weights in proportion so they still sum to 1; scores of other stages and of vetoed enterprises do not change. Every enterprise's score is then a linear function of t.",
        'Another enterprise outscores this one on a half-line of t that ends where the two lines cross. Sorting the crossings inside [0, 1] and counting segment by segment gives every t for which the enterprise ranks within N places (top N over all enterprises), exactly and without sampling; a tie does not outrank. Off the list, the value nearest the current weight at which it enters is given.',
        "Borderline enterprises in the lists view: the list rule gives each scope group a cut line (a threshold rule's minimum score; otherwise the lowest listed score of the group), and margin = score − cut line. The N listed enterprises with the smallest margins and the N unlisted ones with the largest (closest to 0) are taken; vetoed enterprises and those without a stage are left out. Each one's weight intervals are computed as above, ranks within the list's scope (all, stage, city or tech field). For a listed enterprise the change needed is the distance from the current weight to the nearer end of its interval (an end at 0 or 100 % does not count); for an unlisted one, the distance to the nearest entry point. The weight with the smallest change is the most sensitive one.",
      ],
    },
    'whatif-audit': {
      title: 'Statistical audit (JRC/OECD composite-indicator audit)',
      body: [
        "The audit covers every enterprise with a stage in the current scenario's scored population, for each stage and for all enterprises. Statistics of the data include vetoed enterprises; those of the score (effective weights, r²) leave them out, since a vetoed score is 0 whatever the indicators say.",
        'Coverage: the share of enterprises with a value (not missing), per indicator and per enterprise; below 65 % is flagged (the JRC rule). ±∞ (a ratio over 0) counts as a value.',
        'Skewness g₁ and kurtosis g₂: the biased moment estimators (the defaults of scipy.stats.skew and kurtosis); kurtosis is excess kurtosis, 0 for a normal law. Both are computed on the raw values (before clipping, finite values only) and on the normalised s (every enterprise, a missing value has s = 0); |g₁| > 2 and g₂ > 3.5 is flagged. Clipped counts are the finite raw values below the normalisation’s lower bound or above its upper bound (on the log scale for log min–max).',
        'Correlation structure: Pearson r and Spearman ρ (Pearson r of average ranks) of s; an indicator whose values are all equal has no correlation. Pairs inside one class with r < 0 are listed.',
        "Cronbach's α of each class and of all indicators, by the formula below with m indicators; a class with one indicator has no α.",
        'Principal components: eigenvalues λ and unit eigenvectors of the correlation matrix of s (indicators with all values equal left out), by the Jacobi method; explained variance λ_c / Σλ; loadings are the eigenvectors of the first three components, largest entry positive.',
        'Effective weights (Paruolo, Saisana & Saltelli, JRSS-A 2013): the main effect of an indicator on the score y, Sᵢ = Var(E[y | sᵢ]) / Var(y). The m enterprises not vetoed are sorted by sᵢ into B = min(100, ⌊√m⌋) bins of equal count (equal values never split), whose mean scores estimate the conditional mean; with small m the estimate is about (B − 1)/m too high. The second estimate rᵢ² is the squared Pearson correlation of sᵢ and y. The score includes bonus points, so ΣSᵢ of a stage may fall short of 1. The nominal weight for all enterprises is the stage weights’ mean weighted by each stage’s enterprises not vetoed.',
      ],
    },
  },
  weightsTable: 'Weights per stage',
  indicator: 'Indicator',
  bonusTable: 'Bonus items and caps',
  item: 'Item',
  perCount: 'Points per unit',
  cap: 'Cap',
  vetoTable: 'Vetoes',
  mandatory: 'mandatory',
  optional: 'optional',
  linkLabel: (topic) => `Methodology: ${topic}`,
  linkText: 'Method',
  tex: {
    initial: 'initial: ',
    growth: 'growth: ',
    stable: 'stable: ',
    y: 'y',
    ratio: 'ratio',
    missing: 'missing',
    or: ' or ',
    missingAfter: ' missing',
    growthRate: 'growth',
    prev: 'prev',
    sum: 'sum',
    sumMissingPre: 'missing if ',
    sumMissingPost: ' is missing',
    orReverse: 'or, reverse,',
    eachStage: 'for each stage ',
    base: 'base',
    points: 'points',
    bonus: 'bonus',
    cap: 'cap',
    count: 'count',
    score: 'score',
    vetoHolds: 'an active veto holds',
    otherwise: 'otherwise',
    rank: 'rank',
    topPre: 'top ',
    topPost: '',
    samplesWithRank: 'samples with rank',
    samplesPost: '',
    overlap: 'overlap',
    topX: 'top-',
    rankInGroup: 'rank in group',
    sameU: ' (one u for all stages)',
  },
};

export const METHOD: Record<Lang, MethodText> = { zh, en };

export function methodText(lang: Lang): MethodText {
  return METHOD[lang];
}
