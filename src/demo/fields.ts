/**
 * The 9 科技创新领域 of the data model, with the industry codes and name words that fit each, and
 * how innovative the demo makes each field on average (a shift of the latent factor).
 */
export interface TechField {
  name: string;
  weight: number;
  shift: number;
  industries: string[]; // GB/T 4754-2017 two-level codes
  words: string[]; // words used in company names
}

export const TECH_FIELDS: readonly TechField[] = [
  { name: '电子信息', weight: 22, shift: 0.2, industries: ['C39', 'I65', 'I64'], words: ['电子', '微电子', '信息技术', '软件', '通信', '光电', '半导体', '数据'] },
  { name: '生物与新医药', weight: 10, shift: 0.3, industries: ['C27', 'M73'], words: ['生物', '医药', '制药', '基因', '医疗器械', '生物科技'] },
  { name: '航空航天', weight: 4, shift: 0.4, industries: ['C37', 'C34'], words: ['航空', '航天', '无人机', '飞控'] },
  { name: '新材料', weight: 9, shift: 0.1, industries: ['C26', 'C30', 'C32'], words: ['新材料', '材料', '高分子', '钒钛', '化工'] },
  { name: '高技术服务', weight: 16, shift: -0.1, industries: ['M74', 'M75', 'I65'], words: ['技术服务', '检测', '设计', '咨询', '信息服务'] },
  { name: '新能源与节能', weight: 9, shift: 0.1, industries: ['D44', 'C38'], words: ['新能源', '能源', '光伏', '储能', '锂电', '节能'] },
  { name: '资源与环境', weight: 6, shift: -0.2, industries: ['N77', 'C42'], words: ['环保', '环境', '水处理', '生态'] },
  { name: '先进制造与自动化', weight: 18, shift: 0.0, industries: ['C34', 'C35', 'C40'], words: ['智能装备', '机械', '自动化', '精密制造', '机器人', '重工'] },
  { name: '其他', weight: 6, shift: -0.4, industries: ['F51', 'L72', 'A01'], words: ['实业', '农业科技', '商贸'] },
];

export const TECH_FIELD_WEIGHTS = TECH_FIELDS.map((f) => f.weight);

export const ENTERPRISE_TYPES = ['科技型中小企业', '高新技术企业', '创新型中小企业', '专精特新“小巨人”企业', '专精特新中小企业'] as const;
