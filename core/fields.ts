/** Key fields a shock team may form around (from the League's guidance on 青年突击队). */
export const FIELDS = [
  '集成电路',
  '工业母机',
  '基础软件',
  '先进材料',
  '科研仪器',
  '核心种源',
  '新一代信息技术',
  '人工智能',
  '航空航天',
  '新能源',
  '新材料',
  '高端装备',
  '生物医药',
  '量子科技',
] as const;

export type Field = (typeof FIELDS)[number];
