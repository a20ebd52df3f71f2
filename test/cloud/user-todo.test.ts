import { DEMO, makeWorld, type World } from '../helpers/world';

describe('我的: what waits for each user, by what they are', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('counts the organizer’s applications, confirmations and reports, and nothing of roles they do not hold', async () => {
    const todo = await world.expectOk('user', DEMO.organizer, 'todo', {});
    expect(todo).toMatchObject({
      teamApplications: 1,
      achievementsToConfirm: 1,
      lettersToAcknowledge: 0,
      reportsToHandle: 1,
      reviewingChallenges: 0,
    });
    const member = await world.expectOk('user', DEMO.memberA, 'todo', {});
    expect(member).toMatchObject({
      teamApplications: 0,
      achievementsToConfirm: 0,
      lettersToAcknowledge: 0,
      reportsToHandle: 0,
      reviewingChallenges: 0,
    });
    // A report dealt with no longer waits.
    await world.expectOk('report', DEMO.organizer, 'decide', { reportId: DEMO.report, decision: 'dismiss', reason: '' });
    expect(await world.expectOk('user', DEMO.organizer, 'todo', {})).toMatchObject({ reportsToHandle: 0 });
  });

  it('counts a member’s unread notices, and one fewer once it is opened', async () => {
    const before = await world.expectOk('user', DEMO.memberA, 'todo', {});
    expect(before.unreadNotices).toBeGreaterThan(0);
    await world.expectOk('notice', DEMO.memberA, 'detail', { noticeId: DEMO.notice });
    const after = await world.expectOk('user', DEMO.memberA, 'todo', {});
    expect(after.unreadNotices).toBe(before.unreadNotices - 1);
  });

  it('counts letters a party contact has yet to 签收, and the challenges a bound reviewer reviews', async () => {
    const contact = await world.expectOk('user', DEMO.partyContact, 'todo', {});
    expect(contact.lettersToAcknowledge).toBe(1);
    await world.expectOk('feedback', DEMO.partyContact, 'acknowledge', { letterId: DEMO.letter, reply: '' });
    expect((await world.expectOk('user', DEMO.partyContact, 'todo', {})).lettersToAcknowledge).toBe(0);
    const issuer = await world.expectOk('user', DEMO.issuer, 'todo', {});
    expect(issuer).toMatchObject({ reviewingChallenges: 1, isReviewer: true });
    expect((await world.expectOk('challenge', DEMO.issuer, 'reviewing', {})).map((card) => card.id)).toEqual([DEMO.challengeRace]);
    await world.expectOk('challenge', DEMO.organizer, 'close', {
      challengeId: DEMO.challengeRace,
      result: 'failed',
      winners: [],
      summary: '各队均未达到考核指标，记录留存。',
    });
    // An ended challenge no longer waits for its reviewer, but they are still one.
    expect(await world.expectOk('user', DEMO.issuer, 'todo', {})).toMatchObject({ reviewingChallenges: 0, isReviewer: true });
  });

  it('leads a 征榜 expert back to the drafts they review, and nobody else is one', async () => {
    const world = await makeWorld();
    expect(await world.expectOk('user', DEMO.expert, 'todo', {})).toMatchObject({ isReviewer: true });
    expect((await world.expectOk('challenge', DEMO.expert, 'reviewing', {})).map((card) => card.id)).toEqual([DEMO.challengeSolicit]);
    expect(await world.expectOk('user', DEMO.newcomer, 'todo', {})).toMatchObject({ isReviewer: false });
  });
});
