import { TEMPLATES } from '../../core/templates';
import type { OutboxItem } from '../../core/types';
import { grantWxConsent } from '../../devcloud/openapi';
import { BACKOFF_MS, MAX_ATTEMPTS } from '../../server/runtime/outbox';
import { DEMO, makeWorld, type World } from '../helpers/world';

async function outboxOf(world: World, userId: string): Promise<OutboxItem[]> {
  return (await world.db.collection('outbox').where({ userId }).get()).data as unknown as OutboxItem[];
}

async function sentTo(world: World, touser: string) {
  return (await world.db.collection('_wx_sent').where({ touser }).get()).data;
}

/** The user accepts in WeChat's dialog, and the app records the accept (both sides of a consent). */
async function consent(world: World, openid: string) {
  await grantWxConsent(world.db, openid, TEMPLATES.teamReviewed.id, world.clock.now);
  await world.expectOk('message', openid, 'recordConsent', { accepted: ['teamReviewed'] });
}

const reject = (world: World) =>
  world.expectOk('team', DEMO.organizer, 'review', {
    teamId: DEMO.teamPending,
    decision: 'reject',
    reason: '请补充攻关目标和可量化的考核指标后重新申请，谢谢',
  });

describe('message pipeline', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('delivers in-app only when the user has not subscribed', async () => {
    await reject(world);
    const report = await world.expectOk('dispatch', '', 'run', {});
    expect(report.sent).toBe(0);
    expect((await outboxOf(world, DEMO.applicant))[0].status).toBe('inapp_only');
    expect(await sentTo(world, DEMO.applicant)).toHaveLength(0);
    expect((await world.expectOk('message', DEMO.applicant, 'unreadCount', {})).unread).toBe(1);
  });

  it('sends a subscribe message with fields cut to WeChat limits and spends one consent', async () => {
    await consent(world, DEMO.applicant);
    await reject(world);
    expect(await world.expectOk('dispatch', '', 'run', {})).toMatchObject({ sent: 1 });
    const [sent] = await sentTo(world, DEMO.applicant);
    const data = sent.data as Record<string, { value: string }>;
    expect(data.phrase2.value).toBe('未通过');
    expect(Array.from(data.thing3.value)).toHaveLength(20);
    expect(data.thing3.value.endsWith('…')).toBe(true);
    const stored = (await world.db.collection('consents').doc(`${DEMO.applicant}_teamReviewed`).get()).data;
    expect(stored.count).toBe(0);
    // Sending again does nothing: the entry is done.
    expect(await world.expectOk('dispatch', '', 'run', {})).toMatchObject({ sent: 0, inAppOnly: 0 });
  });

  it('falls back to in-app when WeChat answers 43101 although the app thought it had consent', async () => {
    await world.expectOk('message', DEMO.applicant, 'recordConsent', { accepted: ['teamReviewed'] });
    await reject(world);
    expect((await world.expectOk('dispatch', '', 'run', {})).sent).toBe(0);
    const [entry] = await outboxOf(world, DEMO.applicant);
    expect(entry.lastError).toContain('43101');
    expect((await world.db.collection('consents').doc(`${DEMO.applicant}_teamReviewed`).get()).data.count).toBe(0);
  });

  it('retries a failed send with backoff and gives up after the last attempt', async () => {
    await consent(world, DEMO.applicant);
    await reject(world);
    const send = jest
      .spyOn(world.cloud.openapi.subscribeMessage, 'send')
      .mockRejectedValue(Object.assign(new Error('system busy'), { errCode: -1 }));
    expect(await world.expectOk('dispatch', '', 'run', {})).toMatchObject({ retried: 1 });
    let [entry] = await outboxOf(world, DEMO.applicant);
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: world.clock.now + BACKOFF_MS[0] });
    expect(await world.expectOk('dispatch', '', 'run', {})).toMatchObject({ retried: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      world.clock.now += 3 * 3600_000;
      await world.expectOk('dispatch', '', 'run', {});
    }
    [entry] = await outboxOf(world, DEMO.applicant);
    expect(entry).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(send).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    send.mockRestore();
  });

  it('loses nothing when the process dies between enqueue and send', async () => {
    const disk = await makeWorld({ onDisk: true });
    try {
      await consent(disk, DEMO.applicant);
      await reject(disk);
      // A send that started and never finished: the entry is leased, then the process is gone.
      await disk.db
        .collection('outbox')
        .where({ userId: DEMO.applicant })
        .update({ data: { status: 'sending', leaseUntil: disk.clock.now + 60_000 } });
      const { createLocalCloud } = await import('../../devcloud/cloud');
      const restarted = await createLocalCloud({ dataDir: disk.dataDir, now: () => disk.clock.now + 61_000 });
      const { run } = await import('../../cloudfunctions/dispatch/index');
      const report = await run(
        { action: 'run' },
        { db: restarted.db, openid: '', openapi: restarted.openapi, storage: restarted.storage, now: () => disk.clock.now + 61_000 },
      );
      expect(report).toMatchObject({ ok: true, data: { sent: 1 } });
      expect((await restarted.db.collection('_wx_sent').where({ touser: DEMO.applicant }).count()).total).toBe(1);
    } finally {
      disk.cleanup();
    }
  });

  it('pages the inbox newest first and marks messages read', async () => {
    for (let i = 0; i < 25; i += 1) {
      world.clock.now += 1000;
      await world.db.runTransaction(async (tx) => {
        const { enqueue } = await import('../../server/runtime/outbox');
        await enqueue(tx, world.clock.now, {
          userId: DEMO.memberA,
          templateKey: 'teamChanged',
          dedupeKey: `test_${i}`,
          title: `消息 ${i}`,
          body: '',
          page: '',
          data: { thing1: 'x', thing2: 'y', time3: 'z' },
        });
      });
    }
    const first = await world.expectOk('message', DEMO.memberA, 'inbox', {});
    expect(first.items).toHaveLength(20);
    expect(first.items[0].title).toBe('消息 24');
    expect(first.unread).toBe(25);
    const second = await world.expectOk('message', DEMO.memberA, 'inbox', { cursor: first.nextCursor });
    expect(second.items.map((m) => m.title)).toEqual(['消息 4', '消息 3', '消息 2', '消息 1', '消息 0']);
    expect(second.nextCursor).toBeNull();
    expect((await world.expectOk('message', DEMO.memberA, 'markRead', { ids: [first.items[0].id] })).unread).toBe(24);
    expect((await world.expectOk('message', DEMO.memberA, 'markRead', { all: true })).unread).toBe(0);
    // Another user's messages are not theirs to mark.
    expect((await world.expectOk('message', DEMO.leaderA, 'markRead', { all: true })).unread).toBe(0);
  });

  it('neither skips nor repeats messages written in the same millisecond across a page boundary', async () => {
    const { enqueue } = await import('../../server/runtime/outbox');
    await world.db.runTransaction(async (tx) => {
      for (let i = 0; i < 45; i += 1) {
        await enqueue(tx, world.clock.now, {
          userId: DEMO.memberA,
          templateKey: 'teamChanged',
          dedupeKey: `same_ms_${i}`,
          title: `同一时刻 ${i}`,
          body: '',
          page: '',
          data: { thing1: 'x', thing2: 'y', time3: 'z' },
        });
      }
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await world.expectOk('message', DEMO.memberA, 'inbox', {
        cursor,
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });
});
