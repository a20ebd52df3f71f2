import type { ChallengeStage, ExportTable, NeedLineSpan, NeedLineStage, WorkKind } from '../cockpit-rules';
import type { PageCursor } from '../cursor';
import type { TransferKind } from '../need-rules';
import type { TeamStatus } from '../types';

/** One queue of the worklist: how many wait, a few of them by name, and the page that handles them. */
export type WorkItem = {
  kind: WorkKind;
  label: string;
  count: number;
  examples: string[];
  url: string;
  /** The examples again, each with the page of that one item (same order as `examples`). */
  links: { name: string; url: string }[];
};
export type Worklist = { items: WorkItem[]; total: number };

/** The figures of one org (its own records, or summed over a subtree). No rankings: outcomes and what waits. */
export type Figures = {
  teams: { byStatus: Record<TeamStatus, number>; byField: { field: string; count: number }[]; refreshOverdue: number };
  challenges: {
    /** How many challenges reached each stage (征榜 = drafted). */
    funnel: { stage: ChallengeStage; count: number }[];
    outcomes: { won: number; completed: number; failed: number; stopped: number; cancelled: number };
    /** Average days spent in each stage by challenges that left it (`left` of them); null when none did yet. */
    stageDays: { stage: ChallengeStage; days: number | null; left: number }[];
  };
  achievements: {
    /** Confirmed achievements by month of confirmation and type; unconfirmed ones are beside, never inside. */
    confirmedByMonth: { month: string; total: number; byType: Record<string, number> }[];
    confirmed: number;
    unconfirmed: number;
  };
  feedback: {
    letters: { issued: number; opened: number; acknowledged: number; overdue: number };
    notices: { count: number; needAck: number; recipients: number; acknowledged: number };
  };
  /** 企业点单 → 成果转化: the needs the org serves, along the line. */
  needs: NeedLineFigures;
  /** 技术合同成交额: transfers of the org's teams; only confirmed ones are in the sums. */
  transfers: TransferFigures;
};

export type NeedLineFigures = {
  /** How many needs reached each stage (NEED_LINE_STAGES order). */
  funnel: { stage: NeedLineStage; count: number }[];
  /** Average days of each span over the needs that went through it (`passed` of them); null when none did yet. */
  spanDays: { span: NeedLineSpan; days: number | null; passed: number }[];
};

export type TransferFigures = {
  /** Confirmed transfers: how many, and their contract amounts summed (whole yuan). */
  confirmed: { count: number; amount: number };
  /** The confirmed ones by kind, every kind in TRANSFER_KINDS order. */
  byKind: { kind: TransferKind; count: number; amount: number }[];
  /** Beside the sums, never in them: waiting for the enterprise, or disputed by it. */
  pending: number;
  disputed: number;
};

export type Dashboard = {
  orgId: string;
  orgName: string;
  /** When the rollups were computed (dispatch keeps them at most an hour old); null before the first run. */
  asOf: number | null;
  figures: Figures;
  /** The same figures for each org directly below, each summed over its own subtree. */
  subOrgs: { orgId: string; orgName: string; figures: Figures }[];
};

export type AuditRow = {
  id: string;
  at: number;
  /** The user's id ('system' for dispatch): what the actor filter takes. */
  actorId: string;
  actorName: string;
  /** The function of the action (the action filter takes both: names repeat across functions). */
  fn: string;
  action: string;
  /** The action in words (e.g. 审核组建申请). */
  actionLabel: string;
  target: string;
  /** What the entry changed, as a page to open, when there is one. */
  targetUrl: string | null;
  summary: string;
};
export type AuditPage = { items: AuditRow[]; nextCursor: PageCursor | null };

export type ExportFile = { fileId: string; url: string; fileName: string; table: ExportTable; rows: number };
