import { Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { PageState } from '@/components/PageState';
import { usePaged } from '@/hooks/usePaged';
import { cockpitService } from '@/services/cockpit';
import { AuditFilters } from './AuditFilters';
import { AuditRowCard } from './AuditRowCard';
import { filterInput, isFiltered, type TrailFilters } from './filters';

/** Whose trail: an org's (its subtree's) or one team's. */
export type TrailScope = { orgId: string } | { teamId: string };

export type AuditTrailProps = { scope: TrailScope; initial: TrailFilters };

/** The trail of one scope with its filters, a page at a time as the list scrolls. */
export function AuditTrail({ scope, initial }: AuditTrailProps) {
  const [filters, setFilters] = useState(initial);
  const [actors, setActors] = useState<Map<string, string>>(new Map());
  const key = 'teamId' in scope ? `team:${scope.teamId}` : `org:${scope.orgId}`;
  const list = usePaged(
    (cursor) =>
      'teamId' in scope
        ? cockpitService.teamAudit({ teamId: scope.teamId, ...filterInput(filters), cursor })
        : cockpitService.orgAudit({ orgId: scope.orgId, ...filterInput(filters), cursor }),
    [key, filters.op, filters.actor, filters.from, filters.to, filters.target],
  );
  const items = list.page?.items;
  // The person picker offers everyone seen in this trail, kept while other filters narrow it.
  useEffect(() => {
    if (!items?.length) return;
    setActors((known) => {
      const fresh = items.filter((row) => !known.has(row.actorId));
      if (!fresh.length) return known;
      const next = new Map(known);
      for (const row of fresh) next.set(row.actorId, row.actorName);
      return next;
    });
  }, [items]);
  useEffect(() => setActors(new Map()), [key]);

  return (
    <>
      <AuditFilters filters={filters} actors={actors} onChange={setFilters} />
      <PageState
        {...list.state}
        emptyTitle={isFiltered(filters) ? '没有符合条件的操作记录' : '还没有操作记录'}
        emptyDescription={
          isFiltered(filters) ? '换一个操作、人员或日期试试。' : '队伍、榜单、成果、活动、通知和反馈函的每次变更都会记录在这里。'
        }
      >
        {items?.map((row) => (
          <AuditRowCard key={row.id} row={row} />
        ))}
        {items?.length ? (
          <Text className='kc-muted kc-audit__end'>
            {list.page?.nextCursor ? (list.loading ? '加载中…' : '上拉加载更多') : '没有更多了'}
          </Text>
        ) : null}
      </PageState>
    </>
  );
}
