import { asSentence, excerpt } from '../../core/text';
import { formatDateTime, formatDay, formatDayRange, formatRecent } from '../../core/time';

describe('text shown to people', () => {
  it('ends a reason with exactly one full stop', () => {
    expect(asSentence('材料不全')).toBe('材料不全。');
    expect(asSentence('材料不全。')).toBe('材料不全。');
    expect(asSentence('请补充检测报告！ ')).toBe('请补充检测报告！');
  });

  it('marks a cut excerpt with …, and never cuts inside a phone number', () => {
    const body = '请各队队长于周五前报名参加攻关方法培训，报名请联系团省委青年发展部王老师，电话 13800000001，地点另行通知。';
    const cut = excerpt(body, 40);
    expect(cut.endsWith('…')).toBe(true);
    expect(Array.from(cut).length).toBeLessThanOrEqual(40);
    expect(cut).not.toMatch(/\d…$/);
    expect(cut).not.toContain('138');
    expect(excerpt(body, 60)).toContain('13800000001');
    expect(excerpt('短通知', 60)).toBe('短通知');
  });
});

describe('one date style per kind of date', () => {
  const at = (day: number, hour: number, minute: number) => Date.UTC(2026, 10, day, hour - 8, minute);

  it('writes a day and a moment the same way everywhere (the form WeChat takes for a time field)', () => {
    expect(formatDay('2026-11-30')).toBe('2026年11月30日');
    expect(formatDateTime(at(30, 14, 5))).toBe('2026年11月30日 14:05');
  });

  it('says how long ago for the last day, then 昨天, then the moment', () => {
    const now = at(30, 14, 5);
    expect(formatRecent(now - 20_000, now)).toBe('刚刚');
    expect(formatRecent(now - 12 * 60_000, now)).toBe('12 分钟前');
    expect(formatRecent(at(30, 9, 0), now)).toBe('5 小时前');
    expect(formatRecent(at(29, 21, 30), now)).toBe('昨天 21:30');
    expect(formatRecent(at(27, 8, 0), now)).toBe('2026年11月27日 08:00');
  });

  it('writes a period once, without repeating the year', () => {
    expect(formatDayRange('2026-11-30', '2026-12-06')).toBe('2026年11月30日 至 12月6日');
    expect(formatDayRange('2026-12-28', '2027-01-03')).toBe('2026年12月28日 至 2027年1月3日');
  });
});
