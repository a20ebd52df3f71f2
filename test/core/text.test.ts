import { asSentence, excerpt } from '../../core/text';

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
