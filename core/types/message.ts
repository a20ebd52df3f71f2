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

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'inapp_only' | 'failed';
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
  createdAt: number;
  doneAt: number | null;
};

export type Consent = { _id: string; userId: string; templateKey: string; count: number; updatedAt: number };
