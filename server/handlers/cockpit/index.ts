/** The organizer's 驾驶舱: the worklist, dashboards from rollups, audit trails and Excel exports. */
import type { Handlers } from '../../runtime/function';
import { orgAudit, teamAudit } from './audit-trail';
import { dashboard } from './dashboard';
import { exportTable } from './export';
import { worklist } from './worklist';

export const cockpitHandlers: Handlers<'cockpit'> = { worklist, dashboard, orgAudit, teamAudit, export: exportTable };
