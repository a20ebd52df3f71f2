import { isRefreshDue, REFRESH_AFTER_DAYS } from '../../core/team-rules';
import { truncateField } from '../../core/templates';
import { DAY_MS, daysUntil, shanghaiDay, shanghaiDayEnd } from '../../core/time';
import { validate } from '../../core/validate';
import { applyTeamInput, joinTeamInput } from '../../core/schemas/team';

describe('Asia/Shanghai days', () => {
  it('changes day at Shanghai midnight, not UTC midnight', () => {
    expect(shanghaiDay(Date.UTC(2026, 0, 1, 15, 59))).toBe('2026-01-01'); // 23:59 in Shanghai
    expect(shanghaiDay(Date.UTC(2026, 0, 1, 16, 1))).toBe('2026-01-02'); // 00:01 in Shanghai
    expect(shanghaiDay(Date.UTC(2026, 0, 1, 23, 0))).toBe('2026-01-02'); // still the 2nd, although UTC says 1st
  });
});

describe('Shanghai deadlines', () => {
  it('ends a deadline day at 23:59:59.999 Shanghai time', () => {
    expect(shanghaiDayEnd('2026-12-31')).toBe(Date.UTC(2026, 11, 31, 15, 59, 59, 999));
    expect(shanghaiDay(shanghaiDayEnd('2026-12-31'))).toBe('2026-12-31');
    expect(shanghaiDay(shanghaiDayEnd('2026-12-31') + 1)).toBe('2027-01-01');
  });

  it('counts days left by Shanghai calendar day, not by 24-hour blocks', () => {
    const deadline = shanghaiDayEnd('2026-11-21');
    expect(daysUntil(deadline, Date.UTC(2026, 10, 20, 15, 59))).toBe(1); // 23:59 on the 20th
    expect(daysUntil(deadline, Date.UTC(2026, 10, 20, 16, 1))).toBe(0); // 00:01 on the 21st
    expect(daysUntil(deadline, Date.UTC(2026, 10, 22, 1, 0))).toBe(-1);
  });
});

describe('registration refresh rule', () => {
  const now = Date.UTC(2026, 5, 1);
  it('is due only for registered teams past 90 days', () => {
    expect(isRefreshDue({ status: 'registered', refreshedAt: now - REFRESH_AFTER_DAYS * DAY_MS - 1 }, now)).toBe(true);
    expect(isRefreshDue({ status: 'registered', refreshedAt: now - REFRESH_AFTER_DAYS * DAY_MS }, now)).toBe(false);
    expect(isRefreshDue({ status: 'dissolved', refreshedAt: 0 }, now)).toBe(false);
    expect(isRefreshDue({ status: 'pending', refreshedAt: null }, now)).toBe(false);
  });
});

describe('subscribe message fields', () => {
  it('cuts to WeChat limits by characters', () => {
    expect(truncateField('phrase', '未通过审核了')).toBe('未通过审核');
    expect(Array.from(truncateField('thing', '一'.repeat(30)))).toHaveLength(20);
    expect(truncateField('thing', '短文本')).toBe('短文本');
    expect(truncateField('name', '一二三四五六七八九十十一')).toHaveLength(10);
  });
});

describe('shared schemas', () => {
  const valid = {
    name: '  测试突击队  ',
    field: '人工智能',
    intro: '',
    unitName: '某单位',
    leagueOrgId: 'org-1',
    partyOrgId: 'org-2',
    crossUnit: false,
    requestId: 'abcdefgh12',
  };
  it('trims and accepts a valid application', () => {
    const result = validate(applyTeamInput, valid);
    expect(result).toMatchObject({ ok: true, data: { name: '测试突击队' } });
  });
  it('says in Chinese what is wrong', () => {
    expect(validate(applyTeamInput, { ...valid, name: '队' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '队伍名称至少 2 个字',
    });
    expect(validate(applyTeamInput, { ...valid, field: '区块链' })).toMatchObject({ message: '请从列表中选择所属领域' });
    expect(validate(applyTeamInput, { ...valid, extra: 1 })).toMatchObject({ message: '提交的内容包含无法识别的字段「extra」' });
    expect(validate(joinTeamInput, { inviteCode: 'ABC' })).toMatchObject({ message: '邀请码是 6 位字母或数字' });
    expect(validate(joinTeamInput, { inviteCode: 'ABCDE0' })).toMatchObject({ message: '邀请码中有无效字符，请核对' });
  });
});
