import {
  CHALLENGE_MACHINE,
  CLAIM_MACHINE,
  MILESTONE_MACHINE,
  claimClosedReason,
  closingOutcome,
  stageOf,
  stageTitlesOf,
  type ChallengeEvent,
  type ChallengeStatus,
  type ClaimEvent,
  type ClaimStatus,
  type MilestoneEvent,
  type MilestoneStatus,
} from '../../core/challenge-rules';
import { nextState } from '../../core/machine';
import { DAY_MS } from '../../core/time';

/** The allowed transitions, written out independently of the tables under test. Everything else is refused. */
const CHALLENGE_ALLOWED: [ChallengeStatus, ChallengeEvent, ChallengeStatus][] = [
  ['draft', 'edit', 'draft'],
  ['draft', 'publish', 'open'],
  ['draft', 'cancel', 'cancelled'],
  ['open', 'edit', 'open'],
  ['open', 'start', 'in_progress'],
  ['open', 'cancel', 'cancelled'],
  ['open', 'fail', 'failed'],
  ['in_progress', 'edit', 'in_progress'],
  ['in_progress', 'start', 'in_progress'],
  ['in_progress', 'succeed', 'completed'],
  ['in_progress', 'fail', 'failed'],
];
const CLAIM_ALLOWED: [ClaimStatus, ClaimEvent, ClaimStatus][] = [
  ['applied', 'accept', 'accepted'],
  ['applied', 'reject', 'rejected'],
  ['applied', 'withdraw', 'withdrawn'],
  ['applied', 'deselect', 'not_selected'],
  ['applied', 'cancel', 'cancelled'],
  ['accepted', 'stop', 'stopped'],
  ['accepted', 'win', 'won'],
  ['accepted', 'complete', 'completed'],
  ['accepted', 'fail', 'failed'],
];
const MILESTONE_ALLOWED: [MilestoneStatus, MilestoneEvent, MilestoneStatus][] = [
  ['pending', 'submit', 'submitted'],
  ['pending', 'stop', 'stopped'],
  ['pending', 'close', 'closed'],
  ['submitted', 'submit', 'submitted'],
  ['submitted', 'pass', 'passed'],
  ['submitted', 'stop', 'stopped'],
  ['submitted', 'close', 'closed'],
];

const CHALLENGE_STATES: ChallengeStatus[] = ['draft', 'open', 'in_progress', 'completed', 'failed', 'cancelled'];
const CHALLENGE_EVENTS: ChallengeEvent[] = ['edit', 'publish', 'cancel', 'start', 'succeed', 'fail'];
const CLAIM_STATES: ClaimStatus[] = [
  'applied',
  'accepted',
  'rejected',
  'withdrawn',
  'not_selected',
  'stopped',
  'won',
  'completed',
  'failed',
  'cancelled',
];
const CLAIM_EVENTS: ClaimEvent[] = ['accept', 'reject', 'withdraw', 'deselect', 'stop', 'win', 'complete', 'fail', 'cancel'];
const MILESTONE_STATES: MilestoneStatus[] = ['pending', 'submitted', 'passed', 'stopped', 'closed'];
const MILESTONE_EVENTS: MilestoneEvent[] = ['submit', 'pass', 'stop', 'close'];

function table<S extends string, E extends string>(states: S[], events: E[], allowed: [S, E, S][]) {
  return states.flatMap((from) =>
    events.map((event) => ({ from, event, to: allowed.find(([s, e]) => s === from && e === event)?.[2] ?? null })),
  );
}

describe('state machines: every (state, event) pair', () => {
  it.each(table(CHALLENGE_STATES, CHALLENGE_EVENTS, CHALLENGE_ALLOWED))('challenge $from --$event--> $to', ({ from, event, to }) => {
    expect(nextState(CHALLENGE_MACHINE, from, event)).toBe(to);
  });
  it.each(table(CLAIM_STATES, CLAIM_EVENTS, CLAIM_ALLOWED))('claim $from --$event--> $to', ({ from, event, to }) => {
    expect(nextState(CLAIM_MACHINE, from, event)).toBe(to);
  });
  it.each(table(MILESTONE_STATES, MILESTONE_EVENTS, MILESTONE_ALLOWED))('milestone $from --$event--> $to', ({ from, event, to }) => {
    expect(nextState(MILESTONE_MACHINE, from, event)).toBe(to);
  });
});

describe('stage and claim window', () => {
  const now = Date.UTC(2026, 10, 20);
  const base = {
    status: 'open' as ChallengeStatus,
    claimDeadline: now + DAY_MS,
    claimCount: 0,
    mode: 'race' as const,
    maxTeams: 2,
    acceptedCount: 0,
  };

  it('walks 征榜 → 发榜 → 揭榜 → 评榜 → 夺榜', () => {
    expect(stageOf({ ...base, status: 'draft' }, now)).toBe(0);
    expect(stageOf(base, now)).toBe(1);
    expect(stageOf({ ...base, claimCount: 2 }, now)).toBe(2);
    expect(stageOf({ ...base, claimDeadline: now - 1 }, now)).toBe(3);
    expect(stageOf({ ...base, status: 'in_progress' }, now)).toBe(3);
    expect(stageOf({ ...base, status: 'completed' }, now)).toBe(4);
    expect(stageOf({ ...base, status: 'failed' }, now)).toBe(4);
  });

  it('names the last stage by the outcome: 未成功 for a failed challenge, never 夺榜', () => {
    expect(stageTitlesOf('completed')).toEqual(['征榜', '发榜', '揭榜', '评榜', '夺榜']);
    expect(stageTitlesOf('in_progress')).toEqual(['征榜', '发榜', '揭榜', '评榜', '夺榜']);
    expect(stageTitlesOf('failed')).toEqual(['征榜', '发榜', '揭榜', '评榜', '未成功']);
  });

  it('closes claiming after the deadline, when places are taken, or when not published', () => {
    expect(claimClosedReason(base, now)).toBeNull();
    expect(claimClosedReason({ ...base, claimDeadline: now - 1 }, now)).toBe('揭榜已截止');
    expect(claimClosedReason({ ...base, acceptedCount: 2 }, now)).toBe('该榜单的名额已满');
    expect(claimClosedReason({ ...base, mode: 'single', acceptedCount: 1 }, now)).toBe('该榜单的名额已满');
    expect(claimClosedReason({ ...base, status: 'draft' }, now)).toBe('该榜单当前不接受揭榜');
    expect(claimClosedReason({ ...base, status: 'in_progress', acceptedCount: 1 }, now)).toBeNull();
  });
});

describe('closing outcome: each claim its own line', () => {
  const winners = [{ teamId: 'a', teamName: '甲队' }];
  const won = { result: 'success' as const, summary: '甲队达成全部指标。', winners };
  const failed = { result: 'failed' as const, summary: '关键器件断供。', winners: [] };
  const cases: [string, ClaimStatus, string, boolean, typeof won | typeof failed, ReturnType<typeof closingOutcome>][] = [
    ['the winner', 'accepted', 'a', false, won, { event: 'win', note: '甲队达成全部指标。' }],
    ['a selected team that did not win', 'accepted', 'b', false, won, { event: 'fail', note: '未夺榜：本榜由「甲队」夺榜' }],
    [
      'a team that passed every gate but did not win',
      'accepted',
      'b',
      true,
      won,
      { event: 'complete', note: '节点全部通过，未夺榜：本榜由「甲队」夺榜' },
    ],
    ['a claim still 待评榜', 'applied', 'c', false, won, { event: 'deselect', note: '评榜前已结榜' }],
    ['a racing team in a 未成功 close', 'accepted', 'b', false, failed, { event: 'fail', note: '原因：关键器件断供。' }],
    [
      'a finished team in a 未成功 close',
      'accepted',
      'b',
      true,
      failed,
      { event: 'complete', note: '节点全部通过，本榜未成功：关键器件断供。' },
    ],
    ['a claim still 待评榜 in a 未成功 close', 'applied', 'c', false, failed, { event: 'deselect', note: '评榜前已结榜' }],
  ];
  it.each(cases)('%s', (_, status, teamId, allPassed, closing, expected) => {
    expect(closingOutcome({ status, teamId, allPassed }, closing)).toEqual(expected);
  });
});
