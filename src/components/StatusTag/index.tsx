import { Tag } from '@nutui/nutui-react-taro';
import { TEAM_STATUS_LABELS } from '@core/team-rules';
import type { TeamStatus } from '@core/types';

export type StatusTagProps = { status: TeamStatus; refreshDue?: boolean };

const TYPE: Record<TeamStatus, 'success' | 'warning' | 'danger' | 'default'> = {
  registered: 'success',
  pending: 'warning',
  rejected: 'danger',
  dissolved: 'default',
};

export function StatusTag({ status, refreshDue }: StatusTagProps) {
  return (
    <>
      <Tag type={TYPE[status]} plain>
        {TEAM_STATUS_LABELS[status]}
      </Tag>
      {refreshDue ? (
        <Tag type='warning' style={{ marginLeft: '4px' }}>
          待更新备案
        </Tag>
      ) : null}
    </>
  );
}
