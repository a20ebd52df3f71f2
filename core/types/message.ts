export type InboxItem = {
  _id: string;
  userId: string;
  templateKey: string;
  title: string;
  body: string;
  page: string;
  createdAt: number;
  readAt: number | null;
};

/**
 * `pending` and `sending` are on the way; each item ends in exactly one of the rest: `sent`,
 * `inapp_only` (no consent, inbox copy only), `failed` (WeChat answered an error, its code kept),
 * `unknown` (the sender died after the send may have happened; never re-sent, WeChat has no
 * idempotency key).
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'inapp_only' | 'failed' | 'unknown';
export type OutboxItem = {
  _id: string;
  dedupeKey: string;
  userId: string;
  templateKey: string;
  data: Record<string, string>;
  page: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number;
  lastError: string;
  /** WeChat's errcode of the last failed send, when WeChat answered one. */
  errCode: number | null;
  /** When a send left in `sending` was found and recorded as `unknown`. */
  unknownAt: number | null;
  createdAt: number;
  doneAt: number | null;
};

export type Consent = { _id: string; userId: string; templateKey: string; count: number; updatedAt: number };
