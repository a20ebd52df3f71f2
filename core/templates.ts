/**
 * Subscribe-message templates. `id` is the template id from the mini program console
 * (订阅消息 → 我的模板); replace the placeholders when deploying (see README).
 * Field kinds carry WeChat's length limits; the server truncates before sending.
 */
export type TemplateFieldKind = 'thing' | 'phrase' | 'name' | 'time' | 'character_string';

export const FIELD_LIMITS: Record<TemplateFieldKind, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  time: 32,
  character_string: 32,
};

export const TEMPLATES = {
  teamReviewed: {
    id: 'TEMPLATE_ID_TEAM_REVIEWED',
    title: '突击队备案审核结果',
    fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
  },
  teamChanged: {
    id: 'TEMPLATE_ID_TEAM_CHANGED',
    title: '突击队变动提醒',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
  claimResult: {
    id: 'TEMPLATE_ID_CLAIM_RESULT',
    title: '揭榜结果通知',
    fields: { thing1: 'thing', thing2: 'thing', phrase3: 'phrase', thing4: 'thing', time5: 'time' },
  },
  gateResult: {
    id: 'TEMPLATE_ID_GATE_RESULT',
    title: '节点评审结果',
    fields: { thing1: 'thing', thing2: 'thing', phrase3: 'phrase', thing4: 'thing', time5: 'time' },
  },
  milestoneDue: {
    id: 'TEMPLATE_ID_MILESTONE_DUE',
    title: '节点到期提醒',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
  challengeChanged: {
    id: 'TEMPLATE_ID_CHALLENGE_CHANGED',
    title: '榜单变更通知',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
  makeupResult: {
    id: 'TEMPLATE_ID_MAKEUP_RESULT',
    title: '补签审核结果',
    fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
  },
  achievementResult: {
    id: 'TEMPLATE_ID_ACHIEVEMENT_RESULT',
    title: '成果确认结果',
    fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
  },
  achievementFeatured: {
    id: 'TEMPLATE_ID_ACHIEVEMENT_FEATURED',
    title: '成果入选典型案例',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
  noticePublished: {
    id: 'TEMPLATE_ID_NOTICE_PUBLISHED',
    title: '团组织通知',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
  letterIssued: {
    id: 'TEMPLATE_ID_LETTER_ISSUED',
    title: '反馈函送达通知',
    fields: { thing1: 'thing', thing2: 'thing', character_string3: 'character_string', time4: 'time' },
  },
  reportHandled: {
    id: 'TEMPLATE_ID_REPORT_HANDLED',
    title: '举报处理结果通知',
    fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
  },
  needUpdated: {
    id: 'TEMPLATE_ID_NEED_UPDATED',
    title: '需求进展通知',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
  transferResult: {
    id: 'TEMPLATE_ID_TRANSFER_RESULT',
    title: '成果转化确认结果',
    fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
  },
} as const satisfies Record<string, { id: string; title: string; fields: Record<string, TemplateFieldKind> }>;

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

export function templateKeyOfId(id: string): TemplateKey | undefined {
  return TEMPLATE_KEYS.find((key) => TEMPLATES[key].id === id);
}

/** Cut a value to what WeChat accepts for the field kind (counted in characters, not bytes). */
export function truncateField(kind: TemplateFieldKind, value: string): string {
  const limit = FIELD_LIMITS[kind];
  const chars = Array.from(value);
  if (chars.length <= limit) return value;
  return kind === 'thing' ? chars.slice(0, limit - 1).join('') + '…' : chars.slice(0, limit).join('');
}
