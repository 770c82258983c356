import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAction } from '../support/bot-conversation.js';
import { cardProblems, cardText } from '../support/card-validator.js';
import { ChildServer, freePort, waitFor } from '../support/child-process.js';

const require = createRequire(import.meta.url);
const WebSocket = require('ws') as typeof import('ws');
const ROOT = path.resolve(import.meta.dirname, '../..');

/** A WebSocket message as text: ws hands over a Buffer, a list of them, or an ArrayBuffer. */
function frameText(data: Buffer | ArrayBuffer | Buffer[] | string): string {
  if (typeof data === 'string') return data;
  return Array.isArray(data) ? Buffer.concat(data).toString('utf8') : new TextDecoder().decode(data);
}

interface PlaygroundEvent {
  action: string;
  message?: { messageId: string; text?: string; attachments?: { content: unknown }[] };
}

/**
 * The README's local loop, driven by a script: the app on its embedded defaults, the Microsoft 365
 * Agents Playground (offline) in front of it, and a user typing into a personal chat through the
 * Playground's own HTTP and WebSocket API, exactly as its web page does.
 */
describe('the bot in the Microsoft 365 Agents Playground', () => {
  let app: ChildServer;
  let playground: ChildServer;
  let playgroundUrl: string;
  let appUrl: string;
  let dataDir: string;
  let socket: InstanceType<typeof WebSocket>;
  const events: PlaygroundEvent[] = [];

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'playground-e2e-'));
    const appPort = await freePort();
    appUrl = `http://127.0.0.1:${appPort}`;
    const playgroundPort = await freePort();
    app = new ChildServer(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      inheritEnv: true,
      env: { PORT: String(appPort), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${appPort}/api/health`)).ok, app.transcript);
    playground = new ChildServer(process.execPath, ['--import', 'tsx', 'bin/playground.ts', '--port', String(playgroundPort)], {
      cwd: ROOT,
      inheritEnv: true,
      env: { PORT: String(appPort), TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dataDir, 'playground.log') },
    });
    playgroundUrl = `http://127.0.0.1:${playgroundPort}`;
    await waitFor(async () => (await fetch(`${playgroundUrl}/_internal/v1/config`)).ok, playground.transcript);
    socket = new WebSocket(`ws://127.0.0.1:${playgroundPort}/_ws_conversation/v1/conversations/stream`);
    socket.on('message', (data) => events.push(JSON.parse(frameText(data)) as PlaygroundEvent));
    await new Promise((resolve) => socket.on('open', resolve));
  }, 420_000);

  afterAll(async () => {
    socket?.close();
    await playground?.stop();
    expect((await app?.stop())?.code, app?.transcript()).toBe(0);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  async function config() {
    return ((await (await fetch(`${playgroundUrl}/_internal/v1/config`)).json()) as { config: { personalChat: { id: string }; currentUser: { id: string } } })
      .config;
  }

  /** Types into the personal chat and waits for the bot's card. */
  async function type(text: string): Promise<{ messageId: string; card: unknown }> {
    const { personalChat, currentUser } = await config();
    const before = events.length;
    const response = await fetch(`${playgroundUrl}/_conversation/v1/conversations/${encodeURIComponent(personalChat.id)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: currentUser.id }, text, textFormat: 'plain' }),
    });
    expect(response.status).toBe(200);
    let reply: PlaygroundEvent | undefined;
    await waitFor(
      async () => Boolean((reply = events.slice(before).find((event) => event.action === 'createMessage' && event.message?.attachments?.length))),
      () => JSON.stringify(events.slice(before)),
    );
    return { messageId: reply!.message!.messageId, card: reply!.message!.attachments![0]!.content };
  }

  it('answers ヘルプ with the Japanese help card, knowing the demo user, although the Playground says en-US', async () => {
    const { card } = await type('ヘルプ');
    expect(cardProblems(card as never)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('使えるコマンド');
    expect(text).toContain('自分の提案');
    expect(text).not.toContain('Commands you can use');
    expect(text).not.toMatch(/not in the staff directory|職員名簿に登録がない/);
    expect(JSON.stringify(events)).not.toContain('職員名簿に登録がない');
  });

  it('takes a proposal from the form to a receipt through a card click', async () => {
    const { messageId, card } = await type('提案');
    const submit = findAction(card, 'Submit') ?? findAction(card, '提出する');
    expect(submit).toBeDefined();
    const { personalChat, currentUser } = await config();
    const response = await fetch(`${playgroundUrl}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: submit!.verb,
            data: {
              ...(submit!.data as object),
              track: 'individual',
              title: '窓口予約のオンライン化',
              summary: '来庁予約をオンラインで受け付ける',
              expectedEffect: '待ち時間の短縮',
            },
          },
          trigger: 'manual',
        },
        from: { id: currentUser.id },
        conversation: { id: personalChat.id },
        replyToId: messageId,
      }),
    });
    // The Playground passes the bot's invoke response on without its status code.
    const body = (await response.json()) as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toMatch(/R\d+-新規-\d{3}/);

    // The same person then signs in to the tab: not locked out, and their proposal is there.
    const staff = (await (await fetch(`${appUrl}/api/v1/local-auth/staff`)).json()) as { staffId: string; upn: string }[];
    const me = staff.find((person) => person.upn === 'chiiki-gyosei.shunin@example.jp')!;
    const { token } = (await (
      await fetch(`${appUrl}/api/v1/local-auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ staffId: me.staffId }),
      })
    ).json()) as { token: string };
    const mine = await fetch(`${appUrl}/api/v1/proposals/mine`, { headers: { authorization: `Bearer ${token}` } });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(await mine.json())).toContain('窓口予約のオンライン化');
    const viewer = (await (await fetch(`${appUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      directoryNotice?: unknown;
      displayName: string;
    };
    expect(viewer).toMatchObject({ displayName: '西村 翔' });
    expect(viewer.directoryNotice).toBeUndefined();
  });

  /** What the Playground's Message Extension panel sends (Search Command, or Link Unfurling), through its own invoke API. */
  async function extension(name: 'composeExtension/query' | 'composeExtension/queryLink', value: unknown) {
    const { personalChat, currentUser } = await config();
    const response = await fetch(`${playgroundUrl}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, value, from: { id: currentUser.id }, conversation: { id: personalChat.id } }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { composeExtension: { type: string; attachmentLayout: string; attachments: { content: unknown; preview?: unknown }[] } })
      .composeExtension;
  }

  it('answers the search command of the message extension from the Playground, as the README walks through', async () => {
    const result = await extension('composeExtension/query', {
      commandId: 'search',
      parameters: [{ name: 'query', value: '２‐２４' }],
      queryOptions: { skip: 0, count: 25 },
    });
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(result.attachments.length).toBeGreaterThan(0);
    expect(result.attachments[0]!.preview).toBeDefined();
    expect(cardProblems(result.attachments[0]!.content as never)).toEqual([]);
    expect(cardText(result.attachments[0]!.content)).toMatch(/2[‐-]24/);
  });

  it('unfurls a link to the tab pasted in the Playground into the PT card', async () => {
    const result = await extension('composeExtension/queryLink', { url: `${appUrl}/tab/#/pts/2-24` });
    expect(result.type).toBe('result');
    expect(result.attachments).toHaveLength(1);
    expect(cardText(result.attachments[0]!.content)).toMatch(/2[‐-]24/);
  });
});
