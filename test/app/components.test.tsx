import { fireEvent, render, screen } from '@testing-library/react';
import type { TeamSummary } from '../../core/views';
import { FieldFilter } from '../../src/components/FieldFilter';
import { PageState } from '../../src/components/PageState';
import { QrCode, darkRuns } from '../../src/components/QrCode';
import { StageSteps } from '../../src/components/StageSteps';
import { StatusTag } from '../../src/components/StatusTag';
import { TeamCard } from '../../src/components/TeamCard';

const team: TeamSummary = {
  id: 't1',
  name: '车规级芯片青年突击队',
  field: '集成电路',
  unitName: '华芯微电子有限公司',
  leagueOrgName: '华芯微电子团委',
  status: 'registered',
  memberCount: 3,
  crossUnit: true,
  myRole: 'leader',
  refreshDue: true,
  appliedAt: 0,
  leaderName: '李航',
};

describe('shared components', () => {
  it('PageState shows the failure message and retries on tap', () => {
    const retry = jest.fn();
    render(<PageState loading={false} error={{ ok: false, code: 'NETWORK', message: '网络不可用，请检查网络后重试' }} onRetry={retry} />);
    expect(screen.getByText('网络不可用，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('PageState shows an empty state instead of an empty list', () => {
    render(<PageState loading={false} error={null} empty emptyTitle='还没有加入突击队' />);
    expect(screen.getByText('还没有加入突击队')).toBeTruthy();
  });

  it('StatusTag labels each status and the refresh flag', () => {
    render(<StatusTag status='pending' />);
    expect(screen.getByText('待审核')).toBeTruthy();
    render(<StatusTag status='registered' refreshDue />);
    expect(screen.getByText('待更新备案')).toBeTruthy();
  });

  it('StageSteps ends a failed challenge at 未成功, not at a reached 夺榜', () => {
    const { container } = render(<StageSteps stage={4} status='failed' />);
    expect(screen.queryByText('夺榜')).toBeNull();
    const failedStep = screen.getByText('未成功').closest('.nut-step');
    expect(failedStep?.classList.contains('kc-stage-steps__failed')).toBe(true);
    const reached = [...container.querySelectorAll('.nut-step-finish, .nut-step-process')].map((step) => step.textContent);
    expect(reached.some((text) => text?.includes('夺榜'))).toBe(false);
  });

  it('StageSteps lights 夺榜 for a challenge that was won', () => {
    render(<StageSteps stage={4} status='completed' />);
    const won = screen.getByText('夺榜').closest('.nut-step');
    expect(won?.classList.contains('nut-step-process')).toBe(true);
    expect(won?.classList.contains('kc-stage-steps__failed')).toBe(false);
    expect(screen.queryByText('未成功')).toBeNull();
  });

  it('TeamCard tells my role, the leader and that the team spans units', () => {
    render(<TeamCard team={team} />);
    expect(screen.getByText('车规级芯片青年突击队')).toBeTruthy();
    expect(screen.getByText(/跨单位/)).toBeTruthy();
    expect(screen.getByText(/队长 李航 · 3 人 · 我是队长/)).toBeTruthy();
  });
});

describe('FieldFilter', () => {
  it('shows 全部领域 until a field is picked, then the field as a lit chip', () => {
    const onChange = jest.fn();
    const { container, rerender } = render(<FieldFilter value={null} onChange={onChange} />);
    expect(screen.getByText('全部领域 ▾').className).toBe('kc-filter');
    const picker = container.querySelector('taro-picker-core')!;
    fireEvent(picker, new CustomEvent('change', { detail: { value: 1 } }));
    expect(onChange).toHaveBeenLastCalledWith('集成电路');
    rerender(<FieldFilter value='集成电路' onChange={onChange} />);
    expect(screen.getByText('集成电路 ▾').className).toBe('kc-filter kc-filter--on');
    expect(picker.getAttribute('value')).toBe('1');
    fireEvent(picker, new CustomEvent('change', { detail: { value: 0 } }));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });
});

describe('QrCode', () => {
  it('draws one view per dark run, not one per module', () => {
    expect(darkRuns('1110010111')).toEqual([
      [0, 3],
      [5, 1],
      [7, 3],
    ]);
    expect(darkRuns('0000')).toEqual([]);
    const { container } = render(<QrCode modules={['1110010111', '0000000000']} size={140} />);
    expect(container.querySelectorAll('.kc-qr__run')).toHaveLength(3);
  });
});
