/**
 * Images go through WeChat's asynchronous media check (docs/architecture.md, platform details): each new image starts a check
 * and stays pending; the verdict arrives later by trace id (achievement.mediaVerdict).
 */
import { AppError } from '../../core/errors';
import type { Ctx } from './context';

export async function startImageChecks(ctx: Ctx, fileIds: string[]): Promise<{ fileId: string; traceId: string }[]> {
  if (!fileIds.length) return [];
  try {
    const urls = await ctx.storage.tempUrls(fileIds);
    return await Promise.all(
      fileIds.map(async (fileId, index) => {
        const answer = await ctx.openapi.security.mediaCheckAsync({
          mediaUrl: urls[index],
          mediaType: 2,
          version: 2,
          scene: 1,
          openid: ctx.openid,
        });
        return { fileId, traceId: answer.traceId };
      }),
    );
  } catch (error) {
    console.error('[mediaCheckAsync]', error);
    throw new AppError('INTERNAL', '图片安全检查暂时不可用，请稍后重试');
  }
}
