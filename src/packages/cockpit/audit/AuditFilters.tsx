import { Picker, Text, View } from '@tarojs/components';
import { AUDIT_ACTION_CHOICES, auditActionKey } from '@core/audit-labels';
import { formatShortDay, shanghaiDay } from '@core/time';
import type { TrailFilters } from './filters';

const ALL_ACTIONS = '全部操作';
const ALL_PEOPLE = '全部人员';

export type AuditFiltersProps = {
  filters: TrailFilters;
  /** Everyone seen in the trail so far, by id. */
  actors: Map<string, string>;
  onChange: (filters: TrailFilters) => void;
};

const chip = (on: boolean) => (on ? 'kc-filter kc-filter--on' : 'kc-filter');

/** The trail's filter row: action, person, first and last day, and the one object when opened from it. */
export function AuditFilters({ filters, actors, onChange }: AuditFiltersProps) {
  const set = (change: Partial<TrailFilters>) => onChange({ ...filters, ...change });
  const ops = AUDIT_ACTION_CHOICES.map((choice) => auditActionKey(choice.fn, choice.action));
  const opLabel = AUDIT_ACTION_CHOICES.find((choice) => auditActionKey(choice.fn, choice.action) === filters.op)?.label;
  const people = [...actors.entries()];
  const today = shanghaiDay(Date.now());
  return (
    <View className='kc-filters kc-audit__filters'>
      <Picker
        mode='selector'
        range={[ALL_ACTIONS, ...AUDIT_ACTION_CHOICES.map((choice) => choice.label)]}
        value={filters.op ? ops.indexOf(filters.op) + 1 : 0}
        onChange={(e) => {
          const index = Number(e.detail.value);
          set({ op: index === 0 ? null : ops[index - 1] });
        }}
      >
        <Text className={chip(Boolean(filters.op))}>{opLabel ?? filters.op ?? ALL_ACTIONS} ▾</Text>
      </Picker>
      <Picker
        mode='selector'
        range={[ALL_PEOPLE, ...people.map(([, name]) => name)]}
        value={filters.actor ? people.findIndex(([id]) => id === filters.actor) + 1 : 0}
        onChange={(e) => {
          const index = Number(e.detail.value);
          set({ actor: index === 0 ? null : (people[index - 1]?.[0] ?? null) });
        }}
      >
        <Text className={chip(Boolean(filters.actor))}>{(filters.actor && actors.get(filters.actor)) || ALL_PEOPLE} ▾</Text>
      </Picker>
      <Picker mode='date' value={filters.from || today} end={filters.to || today} onChange={(e) => set({ from: String(e.detail.value) })}>
        <Text className={chip(Boolean(filters.from))}>{filters.from ? `${formatShortDay(filters.from)} 起` : '开始日期'} ▾</Text>
      </Picker>
      <Picker
        mode='date'
        value={filters.to || today}
        start={filters.from || undefined}
        onChange={(e) => set({ to: String(e.detail.value) })}
      >
        <Text className={chip(Boolean(filters.to))}>{filters.to ? `至 ${formatShortDay(filters.to)}` : '结束日期'} ▾</Text>
      </Picker>
      {filters.from || filters.to ? (
        <Text className='kc-filter' onClick={() => set({ from: '', to: '' })}>
          不限日期
        </Text>
      ) : null}
      {filters.target ? (
        <Text className='kc-filter kc-filter--on' onClick={() => set({ target: null })}>
          仅此对象 ✕
        </Text>
      ) : null}
    </View>
  );
}
