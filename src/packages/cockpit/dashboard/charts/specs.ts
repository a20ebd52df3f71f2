/**
 * The three charts as F2 elements (built with F2's own jsx, not React's): a funnel, stacked
 * monthly bars and a donut. Plain functions of the data, so the host that draws them stays the
 * same for all three. Animations are off: the numbers beside each chart are the record.
 */
import { Axis, Chart, Interval, jsx, Legend } from './f2';
import { SERIES_COLORS } from './palette';

/** F2's jsx, typed loosely: its component types do not line up with its own ElementType. */
const el = jsx as unknown as (type: unknown, props: Record<string, unknown>) => unknown;

export type Slice = { label: string; value: number };
export type StackRow = { month: string; series: string; value: number };

const TEXT = { fill: '#1a1a1a', fontSize: 12 };

/** Stages from the top: each bar as wide as how many reached the stage. */
export function funnelSpec(steps: Slice[]) {
  const data = steps.map((step, order) => ({ stage: step.label, count: step.value, order }));
  return el(Chart, {
    data,
    coord: { transposed: true },
    scale: { count: { min: 0, nice: false }, stage: { values: [...steps.map((step) => step.label)].reverse() } },
    children: [
      el(Axis, { field: 'stage', style: { label: TEXT, line: null } }),
      el(Axis, { field: 'count', visible: false }),
      el(Interval, {
        x: 'stage',
        y: 'count',
        adjust: 'symmetric',
        shape: 'funnel',
        color: { field: 'stage', range: [...SERIES_COLORS.slice(0, steps.length)].reverse() },
        showLabel: true,
        labelCfg: { offsetX: 6, label: (record: { count: number }) => ({ text: String(record.count), ...TEXT }) },
      }),
    ],
  });
}

/** Four whole-number steps from 0 up to at least `top` (counts have no fractions). */
function countScale(top: number) {
  const step = Math.max(1, Math.ceil(top / 4));
  return { min: 0, max: step * 4, tickInterval: step };
}

/** One bar a month, stacked by series, with a legend. */
export function stackedSpec(rows: StackRow[], seriesOrder: string[]) {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.month, (totals.get(row.month) ?? 0) + row.value);
  return el(Chart, {
    data: rows,
    scale: { value: countScale(Math.max(0, ...totals.values())), series: { values: seriesOrder } },
    children: [
      el(Axis, { field: 'month', style: { label: TEXT } }),
      el(Axis, { field: 'value', style: { label: TEXT } }),
      el(Interval, { x: 'month', y: 'value', color: { field: 'series', range: SERIES_COLORS }, adjust: 'stack' }),
      el(Legend, { position: 'bottom', style: { justifyContent: 'center' }, nameStyle: TEXT }),
    ],
  });
}

/** A ring of slices, each as large as its share. */
export function donutSpec(slices: Slice[]) {
  const data = slices.map((slice) => ({ name: slice.label, value: slice.value, a: '1' }));
  return el(Chart, {
    data,
    coord: { type: 'polar', transposed: true, innerRadius: 0.6, radius: 0.9 },
    scale: {},
    children: [el(Interval, { x: 'a', y: 'value', adjust: 'stack', color: { field: 'name', range: SERIES_COLORS } })],
  });
}
