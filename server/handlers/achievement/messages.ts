import { formatDateTime } from '../../../core/time';
import type { Achievement } from '../../../core/types';
import type { OutgoingMessage } from '../../runtime/outbox';
import { asSentence } from '../../../core/text';

export const achievementPage = (achievementId: string) => `packages/achievement/detail/index?id=${achievementId}`;

/** Who hears about an achievement: the team's leader and everyone credited on it, once each. */
export function achievementAudience(achievement: Pick<Achievement, 'contributorIds'>, leaderId: string): string[] {
  return [...new Set([leaderId, ...achievement.contributorIds])];
}

export function achievementResultMessages(
  achievement: Pick<Achievement, '_id' | 'title' | 'contributorIds'>,
  leaderId: string,
  result: { confirmed: boolean; reason: string },
  now: number,
): OutgoingMessage<'achievementResult'>[] {
  const phrase = result.confirmed ? '已确认' : '已退回';
  return achievementAudience(achievement, leaderId).map((userId) => ({
    userId,
    templateKey: 'achievementResult',
    dedupeKey: `achievementResult_${achievement._id}_${now}_${userId}`,
    title: `成果「${achievement.title}」${phrase}`,
    body: result.confirmed
      ? '成果已由队伍之外的确认人确认，计入队伍成果并在动态中展示。'
      : `成果被退回：${asSentence(result.reason)}修改后可再次提交。`,
    page: achievementPage(achievement._id),
    data: { thing1: achievement.title, phrase2: phrase, thing3: result.reason || '计入队伍成果', time4: formatDateTime(now) },
  }));
}

export function achievementFeaturedMessages(
  achievement: Pick<Achievement, '_id' | 'title' | 'contributorIds'>,
  leaderId: string,
  note: string,
  now: number,
): OutgoingMessage<'achievementFeatured'>[] {
  return achievementAudience(achievement, leaderId).map((userId) => ({
    userId,
    templateKey: 'achievementFeatured',
    dedupeKey: `achievementFeatured_${achievement._id}_${now}_${userId}`,
    title: `成果「${achievement.title}」入选典型案例`,
    body: note,
    page: achievementPage(achievement._id),
    data: { thing1: achievement.title, thing2: note, time3: formatDateTime(now) },
  }));
}
