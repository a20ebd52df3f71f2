/** Marks a periodic job as done, so a timer that fires every minute runs it once. */
export type Job = { _id: string; cursor: string; done: boolean; at: number };
