/**
 * The page of what an audit entry changed, from its `target` (`collection/id`). Ids made of parts
 * (a claim is `challenge_team`, a gate `challenge_team_n`, a check-in `event_user`, a receipt
 * `notice_user`) start with an id that never holds `_` (generated ids are hashes or request ids).
 * Organizers' pages (an org, the reports, a notice's receipts) are offered only in an org's trail;
 * an entry whose object is gone (a discarded draft) or has no page links nowhere.
 */
import type { AuditEntry } from '../../../core/types';
import { PAGES } from './pages';

export type TrailOf = 'org' | 'team';

const GONE = new Set(['challenge.discard', 'achievement.discard']);

const head = (id: string) => id.split('_')[0];

function teamOf(entry: Pick<AuditEntry, 'teamId'>, id: string): string {
  return entry.teamId ?? id.split('_')[1] ?? '';
}

export function targetUrl(entry: Pick<AuditEntry, 'fn' | 'action' | 'target' | 'teamId'>, trail: TrailOf): string | null {
  if (GONE.has(`${entry.fn}.${entry.action}`)) return null;
  const slash = entry.target.indexOf('/');
  const collection = entry.target.slice(0, slash);
  const id = entry.target.slice(slash + 1);
  if (!id) return null;
  const organizer = trail === 'org';
  switch (collection) {
    case 'teams':
      return PAGES.team(id);
    case 'members':
      return PAGES.team(entry.teamId ?? head(id));
    case 'challenges':
      return PAGES.challenge(id);
    case 'claims':
    case 'milestones':
      return PAGES.claim(head(id), teamOf(entry, id));
    case 'achievements':
      return PAGES.achievement(id);
    case 'progress':
      return entry.teamId ? PAGES.timeline(entry.teamId) : null;
    case 'events':
      return PAGES.event(id);
    case 'eventCheckins':
      return organizer ? PAGES.attendance(head(id)) : PAGES.event(head(id));
    case 'notices':
      return organizer ? PAGES.noticeStats(id) : PAGES.notice(id);
    case 'noticeReads':
      return organizer ? PAGES.noticeStats(head(id)) : PAGES.notice(head(id));
    case 'letters':
      if (!organizer) return null;
      return entry.action === 'prepareDraft' && entry.teamId ? PAGES.letterDraft(entry.teamId, id) : PAGES.letter(id);
    case 'orgs':
      return organizer ? PAGES.org(id) : null;
    case 'reports':
      return organizer ? PAGES.reports : null;
    case 'contactRecords':
    case 'opinions':
    case 'contactTeams':
      return entry.teamId ? `/packages/contact/team/index?teamId=${entry.teamId}` : null;
    case 'contactCycles':
      return organizer ? `/packages/contact/ledger/index?orgId=${head(id)}` : null;
    default:
      return null;
  }
}
