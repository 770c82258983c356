import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/time/clock.js';
import { unlinkStaffAccount } from '../../shared/use-cases/staff-identity.js';
import { startAppWorld, type AppWorld } from '../support/app-world.js';
import { teamsUser } from '../support/bot-harness.js';
import { conversationWith } from '../support/bot-conversation.js';
import { cardText } from '../support/card-validator.js';

/**
 * Identity across faces under a real tenant's rules: a UPN already linked to one Entra account is
 * never handed to another. The person is told why and whom to ask, in the bot and in the tab; the
 * refusal is audited once; an admin's unlink lets the next account in.
 */
describe('one directory entry, one account', () => {
  const clock = new ManualClock(new Date('2024-05-10T01:00:00Z'));
  let world: AppWorld;
  let talk: ReturnType<typeof conversationWith>;
  const upn = 'chiiki-gyosei.shunin@example.jp';
  const owner = teamsUser(upn, '西村 翔');
  // Someone presenting the same UPN from another Entra account (a recreated account, or a spoof).
  const other = teamsUser(upn, '西村 翔', '0badc0de-0000-4000-8000-000000000001');
  const stranger = teamsUser('visitor@example.jp', '来庁 者');

  beforeAll(async () => {
    world = await startAppWorld(clock, { relink: 'refuse' });
    talk = conversationWith(world);
    world.enrol(`a:1personal-${other.account.aadObjectId}`, [other]);
    world.enrol(`a:1personal-${stranger.account.aadObjectId}`, [stranger]);
  });
  afterAll(async () => {
    await world?.close();
  });

  const staffId = async () => (await world.ctx.store.repositories.staff.findByUpn(upn))!.id;
  const refusals = async () => (await world.ctx.store.repositories.audit.listFor('staff', await staffId())).filter((entry) => entry.action === 'relinkRefused');

  it('knows the directory’s own account at once in the bot and the tab', async () => {
    expect(cardText((await talk.say(owner, '自分の提案')).cards[0])).toContain('自分の提案');
    const tab = await world.signIn(owner);
    expect((await tab.call('GET', '/api/v1/proposals/mine')).status).toBe(200);
  });

  it('refuses another account with the same UPN, says whom to ask, keeps the link, and audits it once', async () => {
    const first = await talk.say(other, '提案');
    expect(first.texts.join()).toContain('職員名簿の chiiki-gyosei.shunin@example.jp に結び付けられたアカウントと異なる');
    expect(first.texts.join()).toContain('管理者（政策企画課）');
    const second = await talk.say(other, '自分の提案');
    expect(second.texts).toHaveLength(1);
    expect((await world.ctx.store.repositories.staff.get(await staffId()))?.entraObjectId).toBe(owner.account.aadObjectId);
    expect(await refusals()).toHaveLength(1);
  });

  it('tells someone outside the directory once per conversation, and answers what they may read', async () => {
    const first = await talk.say(stranger, 'PT一覧');
    expect(first.texts.join()).toContain('職員名簿に登録がないため、閲覧のみできます');
    expect(first.cards).toHaveLength(1);
    const second = await talk.say(stranger, 'PT 2-24');
    expect(second.texts).toEqual([]);
    expect(cardText(second.cards[0])).toContain('2‐24');
    // Trying to act still says why.
    expect((await talk.say(stranger, '提案')).texts.join()).toContain('政策企画課（事務局）に職員名簿への登録を依頼');
  });

  it('lets the next account in once an admin has cleared the link', async () => {
    expect(await unlinkStaffAccount(world.ctx, upn)).toBe(owner.account.aadObjectId);
    const answer = await talk.say(other, '自分の提案');
    expect(answer.texts.join()).not.toContain('職員名簿');
    expect(cardText(answer.cards[0])).toContain('自分の提案');
    expect((await world.ctx.store.repositories.staff.get(await staffId()))?.entraObjectId).toBe(other.account.aadObjectId);
    const actions = (await world.ctx.store.repositories.audit.listFor('staff', await staffId())).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['relinkRefused', 'unlinkEntraObjectId', 'linkEntraObjectId']));
  });
});
