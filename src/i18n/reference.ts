import type { Lang } from './lang.ts';

/** Texts of reference lists (对照名单) in 名单: the loader, the comparison, its tables and export. */
const zh = {
  title: '对照名单',
  intro:
    '载入一份统一社会信用代码名单（例如上一年公布的白名单，或银行现有的贷款企业），与当前方案和名单规则选出的名单对照：哪些企业两份名单都有，哪些是新进入的，哪些掉出了名单以及原因。文件中任何一列的统一社会信用代码都会被读出。',
  load: '载入对照名单（CSV 或 XLSX）',
  loaded: (name: string, n: number) => `已载入 ${name}：${n.toLocaleString('zh-CN')} 个统一社会信用代码`,
  duplicates: (n: number) => `，其中 ${n.toLocaleString('zh-CN')} 个重复出现（按一个计）`,
  badCheck: (n: number) => `，${n.toLocaleString('zh-CN')} 个校验位不符（照原样匹配）`,
  noCodes: (name: string) => `${name} 中没有找到统一社会信用代码（18 位代码）：请检查文件是否为对照名单。`,
  unreadable: (name: string, why: string) => `无法读取 ${name}：${why}`,
  remove: '移除对照名单',
  busy: '正在对照…',
  both: '两份名单都有',
  added: '新进入当前名单',
  dropped: '掉出当前名单',
  outside: '不在细分范围内',
  missing: '不在本次评分的企业中',
  status: '对照结果',
  reasons: '与本组入围线企业相比落后最多的指标',
  cutoff: '本组入围线企业',
  cutoffScore: '入围线积分',
  vetoed: '已清零',
  noReasons: '本组没有企业入选',
  droppedCaption: '掉出当前名单的对照企业（按当前名次）',
  addedCaption: '新进入当前名单的企业（按当前名次）',
  missingCaption: '不在本次评分企业中的统一社会信用代码（未导入，或未通过数据核验而未参与评分）',
  moreRows: (shown: number, total: number) => `显示前 ${shown.toLocaleString('zh-CN')} 行，共 ${total.toLocaleString('zh-CN')} 行；完整结果请导出。`,
  exportXlsx: '导出对照结果 XLSX',
  exportCsv: '导出对照结果 CSV',
  whyNote: '“原因”列出该企业在本方案下比同组最后一家入选企业少得分最多的指标（两者得分之差），不是与上一年相比的变化。',
  sheet: '对照结果',
  missingSheet: '未参与评分',
  end: '。',
};

export type ReferenceText = typeof zh;

const n = (x: number) => x.toLocaleString('en');
const en: ReferenceText = {
  title: 'Reference list',
  intro:
    "Load a list of unified social credit codes (e.g. last year's published whitelist, or a bank's current borrowers) and set it beside the list the current scenario and list rule draw: who is on both, who is new, who fell off and why. Codes are read from any column of the file.",
  load: 'Load a reference list (CSV or XLSX)',
  loaded: (name: string, k: number) => `Loaded ${name}: ${n(k)} unified social credit codes`,
  duplicates: (k: number) => `, ${n(k)} of them repeated (counted once)`,
  badCheck: (k: number) => `, ${n(k)} with a wrong check character (matched as written)`,
  noCodes: (name: string) => `${name} holds no unified social credit code (18 characters): check that it is a reference list.`,
  unreadable: (name: string, why: string) => `${name} cannot be read: ${why}`,
  remove: 'Remove the reference list',
  busy: 'Comparing…',
  both: 'On both lists',
  added: 'New on the current list',
  dropped: 'Fell off the current list',
  outside: 'Outside the segment',
  missing: 'Not among the scored enterprises',
  status: 'Result',
  reasons: 'Where it is furthest behind its group’s cut-off',
  cutoff: 'Enterprise at the group’s cut-off',
  cutoffScore: 'Cut-off score',
  vetoed: 'Cleared (veto)',
  noReasons: 'Its group lists no one',
  droppedCaption: 'Reference enterprises that fell off the current list (by current rank)',
  addedCaption: 'Enterprises new on the current list (by current rank)',
  missingCaption: 'Codes not among the scored enterprises (not imported, or excluded by the data checks)',
  moreRows: (shown: number, total: number) => `The first ${n(shown)} of ${n(total)} rows; export for all of them.`,
  exportXlsx: 'Export the comparison (XLSX)',
  exportCsv: 'Export the comparison (CSV)',
  whyNote:
    '“Why” lists the indicators where the enterprise scores furthest below the last enterprise its group lets on, under this scenario (the difference of their points); it is not the change from last year.',
  sheet: 'Reference comparison',
  missingSheet: 'Not scored',
  end: '.',
};

export const REFERENCE: Record<Lang, ReferenceText> = { zh, en };
