import { Tag } from '@nutui/nutui-react-taro';
import { TEAM_STATUS_LABELS } from '@core/team-rules';
import type { TeamStatus } from '@core/types';

export type StatusTagProps = { status: TeamStatus; refreshDue?: boolean };

const COLORS: Record<TeamStatus, { background: string; color: string }> = {
  registered: { background: '#e8f7ee', color: '#1a7f37' },
  pending: { background: '#fff4e0', color: '#ad6800' },
  rejected: { background: '#fdecec', color: '#c8161d' },
  dissolved: { background: '#eef0f3', color: '#6b7280' },
};

export function StatusTag({ status, refreshDue }: StatusTagProps) {
  return (
    <>
      <Tag {...COLORS[status]}>{TEAM_STATUS_LABELS[status]}</Tag>
      {refreshDue ? (
        <Tag background='#fff4e0' color='#ad6800' style={{ marginLeft: '4px' }}>
          待更新备案
        </Tag>
      ) : null}
    </>
  );
}
