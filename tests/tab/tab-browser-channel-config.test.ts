import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumMissing } from './support/chromium.js';
import { useTabBrowser } from './support/tab-browser.js';
import { localToken, STAFF } from './support/tab-world.js';

if (chromiumMissing) console.warn(`channel tab configuration tests skipped: ${chromiumMissing}`);

/** What the simulated host received from the framed tab: teams-js's request messages. */
interface HostMessage {
  readonly func: string;
  readonly args?: unknown[];
}

/**
 * A stand-in for the Teams client: a page that frames `src` and answers teams-js's postMessage
 * protocol — `initialize` in the settings frame context with a runtime that supports
 * `pages.config`, `getContext` with the given locale, `authentication.getAuthToken` with a
 * local-mode token (the tab API accepts it as it would an SSO token in this world), and
 * `settings.setSettings` with success — recording every request. It is served on the tab's own
 * origin, which teams-js accepts as its parent's.
 */
interface HostOptions {
  /** Where Teams says the page runs: the configuration dialog, or the tab itself. */
  readonly frameContext?: 'settings' | 'content';
  /** What the host answers to `pages.getConfig` (a tab being configured again). */
  readonly saved?: object;
  /** The deep link's `subEntityId`, as Teams passes it in the context. */
  readonly subEntityId?: string;
}

function hostPage(src: string, token: string, locale: string, { frameContext = 'settings', saved, subEntityId }: HostOptions = {}): string {
  const runtime = JSON.stringify({
    apiVersion: 4,
    supports: { app: {}, appInstallDialog: {}, pages: { config: {}, tabs: {}, appButton: {}, backStack: {} }, teamsCore: {} },
  });
  const script = `
    window.received = [];
    const answers = {
      initialize: () => [${JSON.stringify(frameContext)}, 'web', ${JSON.stringify(runtime)}, '2.0.0'],
      getContext: () => [{ locale: ${JSON.stringify(locale)}, theme: 'default', frameContext: ${JSON.stringify(frameContext)}, hostClientType: 'web', teamName: 'PT 1-4', channelName: '一般', userPrincipalName: 'secretary@example.jp'${subEntityId ? `, subEntityId: ${JSON.stringify(subEntityId)}` : ''} }],
      'authentication.getAuthToken': () => [true, ${JSON.stringify(token)}],
      'settings.setSettings': () => [true],
      ${saved ? `'settings.getSettings': () => [${JSON.stringify(saved)}],` : ''}
    };
    window.addEventListener('message', (event) => {
      const data = event.data;
      if (!data || typeof data.func !== 'string' || typeof data.id !== 'number') return;
      window.received.push({ func: data.func, args: data.args });
      const answer = answers[data.func];
      if (answer) event.source.postMessage({ id: data.id, uuidAsString: data.uuidAsString, args: answer() }, event.origin);
    });
    window.pressSave = () => document.querySelector('iframe').contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
  `;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Teams host stand-in</title></head><body><iframe title="tab" src="${src}" style="width:1000px;height:800px"></iframe><script>${script}</script></body></html>`;
}

async function openInHost(page: Page, baseUrl: string, locale: string, src: string, options: HostOptions = {}): Promise<Frame> {
  const token = await localToken(baseUrl, STAFF.secretary.id);
  await page.route(`${baseUrl}/teams-host-stand-in.html`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(src, token, locale, options) }),
  );
  await page.goto(`${baseUrl}/teams-host-stand-in.html`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  if (!frame) throw new Error('the tab frame did not load');
  return frame;
}

const received = (page: Page) => page.evaluate(() => (globalThis as unknown as { received: HostMessage[] }).received);

async function waitForMessage(page: Page, predicate: (message: HostMessage) => boolean, what: string): Promise<HostMessage> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await received(page)).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`the host never received ${what}; it received: ${JSON.stringify((await received(page)).map((m) => m.func))}`);
    await page.waitForTimeout(100);
  }
}

/** The validity states the page reported, repeats folded (React's strict mode runs effects twice in development builds). */
const validity = (page: Page) =>
  received(page).then((messages) =>
    messages
      .filter((m) => m.func === 'settings.setValidityState')
      .map((m) => m.args?.[0])
      .filter((value, index, all) => index === 0 || value !== all[index - 1]),
  );

describe.skipIf(chromiumMissing !== undefined)('the channel tab configuration page and deep links in a simulated Teams host', () => {
  const tab = useTabBrowser();

  it('keeps Save disabled until a PT is chosen, then saves its page as the tab and reports success', async () => {
    const page = await tab.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openInHost(page, tab.world.baseUrl, 'ja-jp', '/tab/config');

    await frame.getByRole('heading', { name: 'このタブに表示する内容' }).waitFor();
    await waitForMessage(page, (m) => m.func === 'settings.setValidityState', 'a validity state');
    await expect(validity(page)).resolves.toEqual([false]);
    await waitForMessage(page, (m) => m.func === 'registerHandler' && m.args?.[0] === 'save', 'the save handler');

    await frame.getByRole('radio', { name: 'PTのページ' }).check();
    await frame.getByTestId('config-pt').selectOption('pt-1-4');
    await frame.getByTestId('config-chosen').waitFor();
    await waitForMessage(page, (m) => m.func === 'settings.setValidityState' && m.args?.[0] === true, 'validity true');
    await expect(validity(page)).resolves.toEqual([false, true]);

    await page.evaluate(() => (globalThis as unknown as { pressSave(): void }).pressSave());
    const setSettings = await waitForMessage(page, (m) => m.func === 'settings.setSettings', 'setConfig');
    const url = `${tab.world.baseUrl}/tab/#/pts/pt-1-4`;
    expect(setSettings.args?.[0]).toEqual({
      contentUrl: url,
      websiteUrl: url,
      entityId: 'pt:pt-1-4',
      suggestedDisplayName: 'PT 1-4 行政手続きのデジタル化',
    });
    await waitForMessage(page, (m) => m.func === 'settings.save.success', 'notifySuccess');
    const funcs = (await received(page)).map((m) => m.func);
    expect(funcs.indexOf('settings.save.success')).toBeGreaterThan(funcs.indexOf('settings.setSettings'));
    expect(funcs).not.toContain('settings.save.failure');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the calls and the bodies in English when the host speaks English, and passes axe', async () => {
    const page = await tab.context.newPage();
    const frame = await openInHost(page, tab.world.baseUrl, 'en-us', '/tab/config');
    await frame.getByRole('heading', { name: 'What this tab shows' }).waitFor();
    await frame.getByRole('radio', { name: /A body’s meetings/ }).check();
    await frame.getByTestId('config-body').selectOption('hq');
    await waitForMessage(page, (m) => m.func === 'settings.setValidityState' && m.args?.[0] === true, 'validity true');
    await expect(axeViolations(frame as unknown as Page)).resolves.toEqual([]);

    await frame.getByRole('radio', { name: 'Calls for proposals' }).check();
    await frame.getByTestId('config-chosen').waitFor();
    await page.evaluate(() => (globalThis as unknown as { pressSave(): void }).pressSave());
    const setSettings = await waitForMessage(page, (m) => m.func === 'settings.setSettings', 'setConfig');
    expect(setSettings.args?.[0]).toMatchObject({ contentUrl: `${tab.world.baseUrl}/tab/#/proposals`, entityId: 'calls' });
    await waitForMessage(page, (m) => m.func === 'settings.save.success', 'notifySuccess');
    await page.close();
  });

  it('opens the saved contentUrl on the chosen PT’s page', async () => {
    const { page, errors } = await tab.signInAs(STAFF.secretary.id, '#/pts/pt-1-4');
    await page.getByText('行政手続きのデジタル化').first().waitFor();
    expect(page.url()).toBe(`${tab.world.baseUrl}/tab/#/pts/pt-1-4`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves a body’s own page, and opening the configuration again starts from the saved choice', async () => {
    const page = await tab.context.newPage();
    const frame = await openInHost(page, tab.world.baseUrl, 'ja-jp', '/tab/config');
    await frame.getByRole('radio', { name: '会議体の会議' }).check();
    await frame.getByTestId('config-body').selectOption('hq');
    await waitForMessage(page, (m) => m.func === 'settings.setValidityState' && m.args?.[0] === true, 'validity true');
    await page.evaluate(() => (globalThis as unknown as { pressSave(): void }).pressSave());
    const saved = (await waitForMessage(page, (m) => m.func === 'settings.setSettings', 'setConfig')).args?.[0] as { contentUrl: string; entityId: string };
    expect(saved).toMatchObject({ contentUrl: `${tab.world.baseUrl}/tab/#/bodies/hq`, entityId: 'body:hq' });
    await page.close();

    const again = await tab.context.newPage();
    const reopened = await openInHost(again, tab.world.baseUrl, 'ja-jp', '/tab/config', { saved });
    await expect.poll(() => reopened.getByTestId('config-body').inputValue(), { timeout: 15_000 }).toBe('hq');
    await expect(reopened.getByRole('radio', { name: '会議体の会議' }).isChecked()).resolves.toBe(true);
    await waitForMessage(again, (m) => m.func === 'settings.setValidityState' && m.args?.[0] === true, 'validity true without a new choice');
    await again.close();
  });

  it('opens a body’s saved page on that body alone, with its meetings by fiscal year', async () => {
    const { page, errors } = await tab.signInAs(STAFF.secretary.id, '#/bodies/hq');
    await page.locator('[data-field="meetings"] li').first().waitFor();
    // The body's own section, then one per fiscal year of its meetings: not the plan, not the other bodies.
    const [first, ...rest] = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(first).toContain('移行実現推進本部');
    expect(rest.length).toBeGreaterThan(0);
    for (const heading of rest) expect(heading).toMatch(/^新たな行政経営への移行実現推進本部の会議（令和\d+年度）$/);
    await page.getByRole('link', { name: 'すべての会議体' }).waitFor();
    const links = await page.locator('[data-field="meetings"] li a').allTextContents();
    expect(links.length).toBeGreaterThan(0);
    for (const text of links) expect(text).toContain('本部');
    await expect(axeViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens on the page a deep link names: the subEntityId of an “open in the app” button', async () => {
    const page = await tab.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openInHost(page, tab.world.baseUrl, 'ja-jp', '/tab/', { frameContext: 'content', subEntityId: 'meetings/hq-2024-2' });
    await expect
      .poll(() => frame.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash), { timeout: 15_000 })
      .toBe('#/meetings/hq-2024-2');
    await frame.getByRole('heading', { name: /第2回/ }).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
