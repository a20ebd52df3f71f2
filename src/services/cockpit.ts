import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'cockpit'>> = ActionInput<'cockpit', A>;

/** The organizer's 驾驶舱: what waits, the figures, the audit trails and Excel exports. */
export const cockpitService = {
  worklist: () => callCloud('cockpit', 'worklist', {}),
  dashboard: (orgId: string) => callCloud('cockpit', 'dashboard', { orgId }),
  orgAudit: (input: In<'orgAudit'>) => callCloud('cockpit', 'orgAudit', input),
  teamAudit: (input: In<'teamAudit'>) => callCloud('cockpit', 'teamAudit', input),
  exportTable: (input: In<'export'>) => callCloud('cockpit', 'export', input),
};
