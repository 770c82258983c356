import type { BrowserContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildIfChanged } from '../../../bin/build.js';
import { TAB_DIST_DIR } from '../../../tab/bundler/build-tab.js';
import { launchChromium, signInAs } from './chromium.js';
import { startTabWorld, type TabWorld, type TabWorldOptions } from './tab-world.js';

export interface TabBrowser {
  readonly world: TabWorld;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** Opens the tab as `staffId` through local mode's "sign in as" list; `errors` collects the page's uncaught errors. */
  readonly signInAs: (staffId: string, query?: string) => Promise<{ page: Page; errors: string[] }>;
}

/**
 * The built tab (rebuilt only when its sources changed) served by a seeded tab world, and a
 * headless Chromium at 1280×900 on it, for one describe block. `prepare` adds what the block's
 * tests need to the world before the browser starts; `worldOptions` wires what the world may
 * take besides (the bot's notification renderer and sender).
 */
export function useTabBrowser(prepare?: (world: TabWorld) => Promise<void>, worldOptions: Pick<TabWorldOptions, 'notifications'> = {}): TabBrowser {
  let world: TabWorld | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    buildIfChanged({ targets: ['tab'] });
    world = await startTabWorld({ auth: { mode: 'local' }, distDir: TAB_DIST_DIR, ...worldOptions });
    await prepare?.(world);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the tab browser is used before its beforeAll ran');
    return value;
  };
  return {
    get world() {
      return started(world);
    },
    get browser() {
      return started(browser);
    },
    get context() {
      return started(context);
    },
    signInAs: (staffId, query = '') => signInAs(started(context), started(world).baseUrl, staffId, query),
  };
}
