/** 成果转化: transfer records confirmed by the other party, and the 科技成果库 with enterprises' interest. */
import type { Handlers } from '../../runtime/function';
import { interestHandlers } from './interests';
import { libraryHandlers } from './library';
import { recordHandlers } from './records';

export const transferHandlers: Handlers<'transfer'> = {
  ...recordHandlers,
  ...libraryHandlers,
  ...interestHandlers,
};
