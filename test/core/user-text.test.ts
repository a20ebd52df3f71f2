import * as v from 'valibot';
import { API, FN_NAMES } from '../../core/api';
import type { AccessRule } from '../../core/permissions';
import { applyTeamInput } from '../../core/schemas/team';
import { claimInput } from '../../core/schemas/challenge';
import { saveAchievementInput } from '../../core/schemas/achievement';
import { optionalUserText, userText } from '../../core/schemas/common';
import { isUserText, onlyInvisible, userTextsOf } from '../../core/schemas/user-text';
import { validate, validateForm } from '../../core/validate';
import { VALID_INPUTS } from '../helpers/valid-inputs';

type Node = {
  type: string;
  pipe?: { kind: string; type: string }[];
  entries?: Record<string, Node>;
  item?: Node;
  wrapped?: Node;
  options?: Node[];
  items?: Node[];
};

/** Every string field of an action's input, by path (`milestones[].title`), with its schema. */
function stringFields(schema: Node, path: string, out: [string, Node][] = []): [string, Node][] {
  if (schema.type === 'string') out.push([path, schema]);
  for (const [key, entry] of Object.entries(schema.entries ?? {})) stringFields(entry, path ? `${path}.${key}` : key, out);
  if (schema.item) stringFields(schema.item, `${path}[]`, out);
  schema.items?.forEach((item, index) => stringFields(item, `${path}[${index}]`, out));
  if (schema.wrapped) stringFields(schema.wrapped, path, out);
  for (const option of schema.options ?? []) stringFields(option, path, out);
  return out;
}

/** A string whose value must match a pattern is a format (id, code, date, file id, cursor…), not words. */
const isFormat = (schema: Node) => (schema.pipe ?? []).some((step) => step.kind === 'validation' && step.type === 'regex');

/** String fields that are neither user text nor a pattern-checked format, and why. Nothing else may be. */
const NOT_USER_TEXT: Record<string, string> = {
  'team.preview.inviteCode': 'a code checked against the invite alphabet',
  'team.join.inviteCode': 'a code checked against the invite alphabet',
  'admin.redeemCode.code': 'an organizer code checked against the invite alphabet',
  'challenge.board.keyword': 'search words, shown to nobody else',
  'need.board.keyword': 'search words, shown to nobody else',
  'transfer.library.keyword': 'search words, shown to nobody else',
  'need.redeemCode.code': 'a one-time code checked against the invite alphabet',
  'achievement.mediaVerdict.traceId': "WeChat's trace id in a system push",
};

const actions = FN_NAMES.flatMap((fn) =>
  Object.entries(API[fn]).map(([action, def]) => {
    const { input, access } = def as { input: Node; access: AccessRule };
    return { key: `${fn}.${action}`, input, access };
  }),
);
const fields = actions.flatMap(({ key, input, access }) =>
  stringFields(input, '').map(([path, schema]) => ({ path: `${key}.${path}`, schema, access })),
);

describe('the contract marks every free-text field as user text', () => {
  it('has no string field that is neither user text, a checked format, nor an allowed exception', () => {
    const unmarked = fields.filter(({ path, schema }) => !isUserText(schema) && !isFormat(schema) && !(path in NOT_USER_TEXT));
    expect(unmarked.map(({ path }) => path)).toEqual([]);
  });

  it('lists only exceptions that exist and are unmarked', () => {
    for (const path of Object.keys(NOT_USER_TEXT)) {
      const found = fields.find((field) => field.path === path);
      expect(found && !isUserText(found.schema)).toBe(true);
    }
  });

  it('marks the texts people used to be able to send unchecked', () => {
    const marked = new Set(fields.filter(({ schema }) => isUserText(schema)).map(({ path }) => path));
    for (const path of [
      'team.apply.unitName',
      'team.join.homeUnit',
      'team.refresh.unitName',
      'team.dissolve.reason',
      'team.review.reason',
      'challenge.cancel.reason',
      'challenge.reviewClaim.reason',
      'challenge.reviewMilestone.note',
      'challenge.close.summary',
      'achievement.return.reason',
      'achievement.feature.note',
      'progress.reviewMakeup.note',
      'challenge.claim.milestones[].title',
      'achievement.save.attachments[].name',
      'challenge.update.targets[].indicator',
    ]) {
      expect(marked).toContain(path);
    }
  });

  it('gives system actions no user text (the runtime has no person to check it for)', () => {
    const system = fields.filter(({ access, schema }) => access === 'system' && isUserText(schema));
    expect(system).toEqual([]);
  });
});

describe('userTextsOf reads every marked value the runtime sends to the check', () => {
  it('walks objects, arrays and optional fields, and leaves out ids, codes, dates and enums', () => {
    const parsed = v.parse(claimInput, {
      teamId: 'team-a',
      challengeId: 'c1',
      approach: '  自研故障注入框架，结合形式化验证。 ',
      memberIds: ['u1'],
      milestones: [
        { title: '框架原型', dueDate: '2027-01-15', criterion: '完成 1000 个故障点注入' },
        { title: '量产验证', dueDate: '2027-03-01', criterion: '两款芯片通过验证' },
      ],
      requestId: 'req-00000001',
    });
    expect(userTextsOf(claimInput, parsed)).toEqual([
      '自研故障注入框架，结合形式化验证。',
      '框架原型',
      '完成 1000 个故障点注入',
      '量产验证',
      '两款芯片通过验证',
    ]);
  });

  it('reads through a piped object schema, nested optional objects and arrays of objects', () => {
    const parsed = v.parse(saveAchievementInput, {
      teamId: 'team-a',
      type: 'other',
      title: '故障注入方法研究',
      summary: '提出一种面向车规 MCU 的故障注入方法。',
      evidence: { kind: 'contract', ref: '合同 HX-2026-01' },
      attachments: [{ name: '验证报告', fileId: 'cloud://env/report.pdf' }],
      contributorIds: ['u1'],
      requestId: 'req-00000002',
    });
    expect(userTextsOf(saveAchievementInput, parsed)).toEqual([
      '故障注入方法研究',
      '提出一种面向车规 MCU 的故障注入方法。',
      '合同 HX-2026-01',
      '验证报告',
    ]);
  });
});

describe('a name made only of invisible characters is refused', () => {
  const INVISIBLE = {
    'zero-width space': '\u200B',
    'zero-width non-joiner and joiner': '\u200C\u200D',
    'word joiner': '\u2060',
    'byte order mark inside': '\u200B\uFEFF\u200B',
    'bidi override': '\u202E',
    'bidi embeddings and pop': '\u202A\u202B\u202C\u202D',
    'bidi isolates': '\u2066\u2067\u2068\u2069',
    'left-to-right and right-to-left marks': '\u200E\u200F',
    'control characters': '\u0001\u001F',
    'C1 controls and delete': '\u007F\u0085\u009F',
    'lone high surrogate': '\uD800',
    'lone low surrogate': '\uDC00\uDFFF',
    'Hangul filler': '\u3164\u3164',
    'zero-width between spaces': '\u200B \u200B',
    'Unicode tag characters': '\u{E0041}\u{E0042}',
    'supplementary variation selectors': '\u{E0100}\u{E01EF}',
    'Mongolian free variation selectors': '\u180B\u180D',
    'Khmer inherent vowels': '\u17B4\u17B5',
    'musical symbol format controls': '\u{1D173}\u{1D17A}',
    'interlinear annotation controls': '\uFFF9\uFFFB',
    'shorthand format controls': '\u{1BCA0}\u{1BCA3}',
  };

  it.each(Object.entries(INVISIBLE))('refuses %s', (_kind, value) => {
    expect(onlyInvisible(value)).toBe(true);
    const result = validate(applyTeamInput, { ...VALID_INPUTS.team.apply, name: value });
    expect(result).toEqual({ ok: false, code: 'INVALID_INPUT', message: '队伍名称不能只由不可见字符组成，请重新填写' });
  });

  it('shows the problem beside the field in a form, like every other field problem', () => {
    const form = validateForm(v.object({ realName: userText('真实姓名', 1, 20) }), { realName: '\u200B\u200B' });
    expect(form).toMatchObject({ ok: false, fields: { realName: '真实姓名不能只由不可见字符组成，请重新填写' } });
  });

  it('keeps visible text with invisible characters in it, emoji, and an optional field left empty', () => {
    const name = userText('队伍名称', 1, 30);
    for (const value of ['芯\u200B片', '\u200E张三', 'A\u0301', '🚀队', '\u3000突击队\u3000', 'x']) {
      expect(validate(name, value).ok).toBe(true);
    }
    expect(validate(optionalUserText('队伍简介', 300), '')).toEqual({ ok: true, data: '' });
    expect(onlyInvisible('')).toBe(false);
  });
});
