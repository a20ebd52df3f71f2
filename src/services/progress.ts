import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'progress'>> = ActionInput<'progress', A>;

export const progressService = {
  form: (teamId: string) => callCloud('progress', 'form', { teamId }),
  log: (input: In<'log'>) => callCloud('progress', 'log', input),
  timeline: (input: In<'timeline'>) => callCloud('progress', 'timeline', input),
  calendar: (month: string) => callCloud('progress', 'calendar', { month }),
  weekly: (teamId: string, day?: string) => callCloud('progress', 'weekly', day ? { teamId, day } : { teamId }),
  createEvent: (input: In<'createEvent'>) => callCloud('progress', 'createEvent', input),
  events: (input: In<'events'>) => callCloud('progress', 'events', input),
  eventDetail: (eventId: string) => callCloud('progress', 'eventDetail', { eventId }),
  eventCode: (eventId: string) => callCloud('progress', 'eventCode', { eventId }),
  signIn: (input: In<'signIn'>) => callCloud('progress', 'signIn', input),
  requestMakeup: (eventId: string, reason: string) => callCloud('progress', 'requestMakeup', { eventId, reason }),
  reviewMakeup: (input: In<'reviewMakeup'>) => callCloud('progress', 'reviewMakeup', input),
  attendance: (eventId: string) => callCloud('progress', 'attendance', { eventId }),
};
