/**
 * Progress logs that could not be sent (no network) wait here, in the phone's storage, until the
 * network returns or the app opens again (principle 5, docs/architecture.md). Each keeps its request id, so a log the
 * server did receive before the connection dropped is not applied twice.
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import type { ActionInput } from '@core/api';
import { progressService } from '@/services/progress';

export type QueuedLog = {
  input: ActionInput<'progress', 'log'> & { day: string };
  teamName: string;
  queuedAt: number;
  /** waiting: will be sent; refused: the server said no, the user reads why and discards it. */
  state: 'waiting' | 'refused';
  message: string;
};

const STORAGE_KEY = 'kc.progress.queue';

function readStored(): QueuedLog[] {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    return Array.isArray(stored) ? (stored as QueuedLog[]) : [];
  } catch {
    return [];
  }
}

type QueueState = {
  items: QueuedLog[];
  flushing: boolean;
  /** How many queued logs have gone out since the app started: pages that show them refresh when it grows. */
  sent: number;
  load: () => void;
  add: (item: Omit<QueuedLog, 'state' | 'message' | 'queuedAt'>) => void;
  discard: (requestId: string) => void;
  /** Send what is waiting, oldest first; stops at the first network failure. Answers how many were sent. */
  flush: () => Promise<number>;
};

export const useProgressQueue = create<QueueState>((set, get) => {
  const save = (items: QueuedLog[]) => {
    set({ items });
    Taro.setStorageSync(STORAGE_KEY, items);
  };
  return {
    items: [],
    flushing: false,
    sent: 0,
    load: () => set({ items: readStored() }),
    add: (item) => {
      const others = readStored().filter((one) => one.input.requestId !== item.input.requestId);
      save([...others, { ...item, queuedAt: Date.now(), state: 'waiting', message: '' }]);
    },
    discard: (requestId) => save(readStored().filter((one) => one.input.requestId !== requestId)),
    flush: async () => {
      if (get().flushing) return 0;
      set({ flushing: true });
      let sent = 0;
      try {
        for (const item of readStored().filter((one) => one.state === 'waiting')) {
          const result = await progressService.log(item.input);
          if (!result.ok && result.code === 'NETWORK') break;
          const rest = readStored().filter((one) => one.input.requestId !== item.input.requestId);
          if (result.ok) {
            sent += 1;
            save(rest);
            set({ sent: get().sent + 1 });
          } else save([...rest, { ...item, state: 'refused', message: result.message }]);
        }
      } finally {
        set({ flushing: false });
      }
      return sent;
    },
  };
});
