import * as v from 'valibot';
import { fileId, input, phone, userText } from './common';

export const updateProfileInput = input({
  nickname: v.optional(userText('昵称', 1, 20)),
  avatar: v.optional(fileId),
  realName: v.optional(userText('真实姓名', 1, 20)),
  unitName: v.optional(userText('所在单位', 1, 40)),
  phone,
});
export type UpdateProfileInput = v.InferInput<typeof updateProfileInput>;

/** The profile form: a name and a unit are what make a profile complete (teams and organizers see them). */
export const profileFormInput = input({
  nickname: v.optional(userText('昵称', 1, 20)),
  realName: userText('真实姓名', 1, 20),
  unitName: userText('所在单位', 1, 40),
  phone,
});

/** The word the user types to confirm deleting their account: anything else is refused, never guessed at. */
export const DELETE_CONFIRM_WORD = '注销';

export const deleteAccountInput = input({
  confirm: v.pipe(
    v.string(`请输入「${DELETE_CONFIRM_WORD}」确认注销`),
    v.trim(),
    v.regex(new RegExp(`^${DELETE_CONFIRM_WORD}$`), `请输入「${DELETE_CONFIRM_WORD}」两个字确认注销`),
  ),
});
