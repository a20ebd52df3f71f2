import { TEMPLATES, type TemplateKey } from '../../core/templates';
import type { OutboxItem, OutboxStatus } from '../../core/types';
import { grantWxConsent } from '../../devcloud/openapi';
import { BACKOFF_MS, enqueue, MAX_ATTEMPTS, messageId, templateData, UNKNOWN_REASON } from '../../server/runtime/outbox';
import { DEMO, makeWorld, type World } from '../helpers/world';

const FINAL: OutboxStatus[] = ['sent', 'failed', 'inapp_only', 'unknown'];

async function outboxOf(world: World, userId: string): Promise<OutboxItem[]> {
  return (await world.db.collection('outbox').where({ userId }).get()).data as unknown as OutboxItem[];
}

async function sentTo(world: World, touser: string) {
  return (await world.db.collection('_wx_sent').where({ touser }).get()).data;
}

async function allSent(world: World) {
  return (await world.db.collection('_wx_sent').count()).total;
}

/** The user accepts in WeChat's dialog, and the app records the accept (both sides of a consent). */
async function consent(world: World, openid: string, templateKey: TemplateKey = 'teamReviewed') {
  await grantWxConsent(world.db, openid, TEMPLATES[templateKey].id, world.clock.now);
  await world.expectOk('message', openid, 'recordConsent', { accepted: [templateKey] });
}

const consentCounts = async (world: World, openid: string, templateKey: TemplateKey) => ({
  app: (await world.db.collection('consents').doc(`${openid}_${templateKey}`).get()).data.count,
  wechat: (await world.db.collection('_wx_consents').doc(`${openid}_${TEMPLATES[templateKey].id}`).get()).data.count,
});

/** A team-changed message to `userId`, queued as a handler would queue it. */
async function queue(world: World, userId: string, dedupeKey: string) {
  await world.db.runTransaction((tx) =>
    enqueue(tx, world.clock.now, {
      userId,
      templateKey: 'teamChanged',
      dedupeKey,
      title: '队伍变动',
      body: '',
      page: '',
      data: { thing1: '队伍', thing2: '变动', time3: '2026年11月20日 10:00' },
    }),
  );
  return messageId(dedupeKey);
}

const itemById = async (world: World, id: string) => (await world.db.collection('outbox').doc(id).get()).data as unknown as OutboxItem;

/** What a drainer does before it dies: the entry marked sending, then the message really sent. */
async function sendThenDie(world: World, id: string) {
  const item = await itemById(world, id);
  await world.db
    .collection('outbox')
    .doc(id)
    .update({ data: { status: 'sending', leaseUntil: world.clock.now + 60_000, attempts: item.attempts + 1 } });
  await world.cloud.openapi.subscribeMessage.send({
    touser: item.userId,
    templateId: TEMPLATES[item.templateKey as TemplateKey].id,
    page: item.page,
    data: templateData(item),
  });
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
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: world.clock.now + BACKOFF_MS[0], errCode: -1 });
    expect(await world.expectOk('dispatch', '', 'run', {})).toMatchObject({ retried: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      world.clock.now += 3 * 3600_000;
      await world.expectOk('dispatch', '', 'run', {});
    }
    [entry] = await outboxOf(world, DEMO.applicant);
    expect(entry).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, errCode: -1, doneAt: world.clock.now });
    expect(entry.lastError).toMatch(/^errcode -1 /);
    expect(send).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    send.mockRestore();
  });

  it('fails at once, keeping WeChat’s code, when WeChat rejects what no retry can fix', async () => {
    await consent(world, DEMO.applicant);
    await reject(world);
    const send = jest
      .spyOn(world.cloud.openapi.subscribeMessage, 'send')
      .mockRejectedValue(Object.assign(new Error('40003 invalid openid'), { errCode: 40003, errMsg: 'invalid openid' }));
    expect(await world.expectOk('dispatch', '', 'run', {})).toMatchObject({ failed: 1, retried: 0 });
    const [entry] = await outboxOf(world, DEMO.applicant);
    expect(entry).toMatchObject({ status: 'failed', attempts: 1, errCode: 40003, lastError: 'errcode 40003 invalid openid' });
    world.clock.now += 3 * 3600_000;
    await world.expectOk('dispatch', '', 'run', {});
    expect(send).toHaveBeenCalledTimes(1);
    send.mockRestore();
    // The user still has the message in the inbox.
    expect((await world.expectOk('message', DEMO.applicant, 'unreadCount', {})).unread).toBe(1);
  });

  it('records a send that got no answer from WeChat as unknown and never sends it again', async () => {
    await consent(world, DEMO.applicant);
    await consent(world, DEMO.applicant);
    await reject(world);
    const real = world.cloud.openapi.subscribeMessage.send;
    // The message goes out, then the connection drops before WeChat's answer arrives.
    const send = jest.spyOn(world.cloud.openapi.subscribeMessage, 'send').mockImplementation(async (args) => {
      await real(args);
      throw new Error('ETIMEDOUT');
    });
    expect(await world.expectOk('dispatch', '', 'run', {})).toMatchObject({ sent: 0, retried: 0 });
    send.mockRestore();
    world.clock.now += 3 * 3600_000;
    await world.expectOk('dispatch', '', 'run', {});
    const [entry] = await outboxOf(world, DEMO.applicant);
    expect(entry).toMatchObject({ status: 'unknown', errCode: null, attempts: 1 });
    expect(entry.lastError).toContain('发送结果未知');
    expect(await sentTo(world, DEMO.applicant)).toHaveLength(1);
  });

  it('never re-sends a message whose sender died mid-send: it is unknown, with its inbox copy and consent kept', async () => {
    const disk = await makeWorld({ onDisk: true });
    try {
      // Consent for two sends, so a second send of the same message would go through.
      await consent(disk, DEMO.applicant);
      await consent(disk, DEMO.applicant);
      await reject(disk);
      const [queued] = await outboxOf(disk, DEMO.applicant);
      await sendThenDie(disk, queued._id);
      expect(await sentTo(disk, DEMO.applicant)).toHaveLength(1);

      const later = disk.clock.now + 61_000;
      const { createLocalCloud } = await import('../../devcloud/cloud');
      const restarted = await createLocalCloud({ dataDir: disk.dataDir, now: () => later });
      const { run } = await import('../../cloudfunctions/dispatch/index');
      const drain = () =>
        run({ action: 'run' }, { db: restarted.db, openid: '', openapi: restarted.openapi, storage: restarted.storage, now: () => later });
      expect(await drain()).toMatchObject({ ok: true, data: { sent: 0, unknown: 1, retried: 0 } });
      expect(await drain()).toMatchObject({ ok: true, data: { sent: 0, unknown: 0 } });

      const sent = await restarted.db.collection('_wx_sent').where({ touser: DEMO.applicant }).count();
      expect(sent.total).toBe(1);
      const entry = (await restarted.db.collection('outbox').doc(queued._id).get()).data as unknown as OutboxItem;
      expect(entry).toMatchObject({ status: 'unknown', unknownAt: later, lastError: UNKNOWN_REASON, errCode: null, attempts: 1 });
      const inbox = (await restarted.db.collection('inbox').doc(queued._id).get()).data;
      expect(inbox).toMatchObject({ userId: DEMO.applicant, readAt: null });
      // Not known to have been spent, so the app's count is left as it was.
      expect((await restarted.db.collection('consents').doc(`${DEMO.applicant}_teamReviewed`).get()).data.count).toBe(2);
    } finally {
      disk.cleanup();
    }
  });

  it('ends every message in exactly one final status and keeps it', async () => {
    await consent(world, DEMO.leaderA, 'teamChanged');
    await consent(world, DEMO.memberA, 'teamChanged');
    await consent(world, DEMO.memberB, 'teamChanged');
    const ids = {
      sent: await queue(world, DEMO.leaderA, 'final_sent'),
      inapp_only: await queue(world, DEMO.leaderB, 'final_inapp'),
      failed: await queue(world, DEMO.memberA, 'final_failed'),
      unknown: await queue(world, DEMO.memberB, 'final_unknown'),
    };
    await sendThenDie(world, ids.unknown);
    world.clock.now += 61_000;
    const real = world.cloud.openapi.subscribeMessage.send;
    const send = jest
      .spyOn(world.cloud.openapi.subscribeMessage, 'send')
      .mockImplementation(async (args) =>
        args.touser === DEMO.memberA ? Promise.reject(Object.assign(new Error('47003 argument invalid'), { errCode: 47003 })) : real(args),
      );
    expect(await world.expectOk('dispatch', '', 'run', {})).toMatchObject({ sent: 1, failed: 1, unknown: 1, retried: 0 });
    const settled = new Map<string, OutboxItem>();
    for (const [status, id] of Object.entries(ids)) {
      const item = await itemById(world, id);
      expect(item.status).toBe(status);
      expect(item.doneAt).toBe(world.clock.now);
      settled.set(id, item);
    }
    expect((await itemById(world, ids.failed)).errCode).toBe(47003);
    expect(await consentCounts(world, DEMO.leaderA, 'teamChanged')).toEqual({ app: 0, wechat: 0 });
    expect(await consentCounts(world, DEMO.memberB, 'teamChanged')).toEqual({ app: 1, wechat: 0 });

    for (let run = 0; run < 6; run += 1) {
      world.clock.now += 3 * 3600_000;
      await world.expectOk('dispatch', '', 'run', {});
    }
    send.mockRestore();
    for (const id of Object.values(ids)) {
      const item = await itemById(world, id);
      expect(FINAL).toContain(item.status);
      expect(item).toEqual(settled.get(id));
    }
    // One send by the dead drainer, one by the drain: nothing went out twice.
    expect(await allSent(world)).toBe(2);
    for (const userId of [DEMO.leaderA, DEMO.leaderB, DEMO.memberA, DEMO.memberB]) {
      expect((await world.expectOk('message', userId, 'inbox', {})).items.filter((item) => item.title === '队伍变动')).toHaveLength(1);
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
