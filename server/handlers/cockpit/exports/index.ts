/** One builder per exportable table (core/cockpit-rules.ts EXPORT_TABLES). */
import type { ExportTable } from '../../../../core/cockpit-rules';
import { achievementsExport } from './achievements';
import { attendanceExport } from './attendance';
import { challengesExport } from './challenges';
import { ledgerExport } from './ledger';
import { lettersExport } from './letters';
import type { ExportBuilder } from './scope';
import { teamsExport } from './teams';
import { transfersExport } from './transfers';

export const EXPORTS: Record<ExportTable, ExportBuilder> = {
  teams: teamsExport,
  challenges: challengesExport,
  achievements: achievementsExport,
  attendance: attendanceExport,
  letters: lettersExport,
  ledger: ledgerExport,
  transfers: transfersExport,
};
