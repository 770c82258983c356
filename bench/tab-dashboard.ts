/**
 * The tab's dashboard under load: `GET /api/v1/dashboard` latency with 10,000 proposals and 1,000
 * meetings, the built web app's gzipped JavaScript, and the first render of the dashboard in
 * headless Chromium (Debian /usr/bin/chromium).
 *
 *   npx tsx bench/tab-dashboard.ts [--requests 300] [--proposals 10000] [--meetings 1000] [--renders 5]
 *
 * Targets: dashboard p99 ≤ 50 ms; JS ≤ 350 KB gzipped; first render ≤ 1.5 s.
 * The store is embedded PGlite in memory, in this same process (the harder case: it shares the
 * one JavaScript thread with the HTTP server and the client).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Meeting } from '../shared/meetings/meeting.js';
import type { Proposal, ProposalState } from '../shared/proposals/proposal.js';
import { ManualClock } from '../shared/time/clock.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { createStore } from '../store/create-store.js';
import { buildIfChanged } from '../bin/build.js';
import { TAB_DIST_DIR } from '../tab/bundler/build-tab.js';
import { staffMember } from '../tests/support/domain-fixtures.js';
import { CALL, NOW, seedProgramme, STAFF } from '../tests/tab/support/tab-seed.js';
import { localToken, serveTab } from '../tests/tab/support/tab-server.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    proposals: { type: 'string', default: '10000' },
    meetings: { type: 'string', default: '1000' },
    renders: { type: 'string', default: '5' },
  },
});
const CHROMIUM = '/usr/bin/chromium';
const STATES: ProposalState[] = ['draft', 'submitted', 'submitted', 'underReview', 'acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected', 'withdrawn'];
const BODIES = ['hq', 'body-pt-1-4', 'body-pt-1-24'];

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function seedVolume(ctx: UseCaseContext, proposals: number, meetings: number): Promise<void> {
  const authors = Array.from({ length: 200 }, (_, index) =>
    staffMember({ id: `bench-staff-${index}`, displayName: `職員 ${index}`, unitId: 'zaisei-ka', grade: 'chief' }),
  );
  await ctx.store.transaction(async (tx) => {
    for (const person of authors) await tx.staff.upsert(person);
    for (let index = 0; index < proposals; index++) {
      const state = STATES[index % STATES.length]!;
      const at = new Date(NOW.getTime() - (index % 30) * 86_400_000);
      const proposal: Proposal = {
        id: `bench-proposal-${index}`,
        callId: CALL.id,
        track: 'individual',
        authorStaffId: index % 500 === 0 ? STAFF.author.id : authors[index % authors.length]!.id,
        state,
        title: `提案 ${index}: 窓口手続きのオンライン化と業務の見直し`,
        summary: '申請手続きを電子化し、窓口の待ち時間を短縮する。'.repeat(4),
        expectedEffect: '待ち時間の短縮、紙の削減',
        receiptNumber: state === 'draft' ? undefined : `R6-新規-${String(index + 1).padStart(5, '0')}`,
        submittedAt: state === 'draft' ? undefined : at,
        createdAt: at,
        updatedAt: at,
      };
      await tx.proposals.insert(proposal);
    }
    const perBodyYear = new Map<string, number>();
    for (let index = 0; index < meetings; index++) {
      const bodyId = BODIES[index % BODIES.length]!;
      // Spread over three fiscal years around NOW, a few hours apart.
      const startsAt = new Date(Date.parse('2024-04-01T01:00:00Z') + index * 26 * 3_600_000);
      const fiscalYear = startsAt.getUTCMonth() >= 3 ? startsAt.getUTCFullYear() : startsAt.getUTCFullYear() - 1;
      const key = `${bodyId}/${fiscalYear}`;
      const ordinal = (perBodyYear.get(key) ?? 100) + 1;
      perBodyYear.set(key, ordinal);
      const meeting: Meeting = {
        id: `bench-meeting-${index}`,
        bodyId,
        ordinal,
        fiscalYear,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        place: '第1委員会室',
        agenda: [{ title: '進捗報告', kind: 'general' }],
        guests: [],
        status: index % 10 === 0 ? 'cancelled' : 'convened',
        history: [],
        demo: false,
      };
      await tx.meetings.insert(meeting);
      if (index % 3 === 0) await tx.meetings.upsertRsvp({ meetingId: meeting.id, staffId: STAFF.deputy1.id, response: 'attend', answeredAt: NOW });
    }
  });
}

async function dashboardLatency(baseUrl: string, staffId: string, requests: number): Promise<number[]> {
  const token = await localToken(baseUrl, staffId);
  const get = async () => {
    const response = await fetch(`${baseUrl}/api/v1/dashboard`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`dashboard: HTTP ${response.status}`);
    await response.arrayBuffer();
  };
  for (let warm = 0; warm < 20; warm++) await get();
  const times: number[] = [];
  for (let index = 0; index < requests; index++) {
    const started = performance.now();
    await get();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function bundleSize(): Promise<{ files: { name: string; raw: number; gzip: number }[]; gzipTotal: number }> {
  buildIfChanged({ targets: ['tab'] });
  const assets = path.join(TAB_DIST_DIR, 'assets');
  const files = [];
  for (const name of (await fs.readdir(assets)).filter((file) => /\.(js|css)$/.test(file))) {
    const body = await fs.readFile(path.join(assets, name));
    files.push({ name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return { files, gzipTotal: files.filter((file) => file.name.endsWith('.js')).reduce((sum, file) => sum + file.gzip, 0) };
}

/** Time from navigation start until the dashboard's first section heading is in the DOM. */
async function firstRenders(baseUrl: string, renders: number): Promise<{ render: number[]; fcp: number[] }> {
  const token = await localToken(baseUrl, STAFF.author.id);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const render: number[] = [];
  const fcp: number[] = [];
  try {
    for (let run = 0; run < renders; run++) {
      // A new context each time: a cold HTTP cache, as on a first visit.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(
        (stored: string) => {
          const w = globalThis as unknown as {
            sessionStorage: { setItem(k: string, v: string): void };
            document: { querySelector(s: string): { textContent: string | null } | null };
            MutationObserver: new (cb: () => void) => { observe(n: object, o: object): void; disconnect(): void };
            performance: { now(): number };
            __firstRender?: number;
          };
          w.sessionStorage.setItem('gyosei-keiei.local-token', stored);
          const observer = new w.MutationObserver(() => {
            if (w.__firstRender === undefined && w.document.querySelector('#my-tasks h2')) {
              w.__firstRender = w.performance.now();
              observer.disconnect();
            }
          });
          observer.observe(w.document, { childList: true, subtree: true });
        },
        JSON.stringify({ token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
      );
      await page.goto(`${baseUrl}/tab/`);
      await page.waitForFunction(() => (globalThis as unknown as { __firstRender?: number }).__firstRender !== undefined, undefined, { timeout: 20_000 });
      render.push(await page.evaluate(() => (globalThis as unknown as { __firstRender: number }).__firstRender));
      fcp.push(
        await page.evaluate(
          () =>
            (globalThis as unknown as { performance: { getEntriesByName(n: string): { startTime: number }[] } }).performance.getEntriesByName(
              'first-contentful-paint',
            )[0]?.startTime ?? NaN,
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { render, fcp };
}

async function main(): Promise<void> {
  const requests = Number(values.requests);
  const store = await createStore({});
  let counter = 0;
  const ctx: UseCaseContext = { store, clock: new ManualClock(NOW), newId: () => `bench-id-${++counter}` };
  const seeding = performance.now();
  await seedProgramme(ctx);
  await seedVolume(ctx, Number(values.proposals), Number(values.meetings));
  console.log(
    `seeded ${values.proposals} proposals and ${values.meetings} meetings in ${((performance.now() - seeding) / 1000).toFixed(1)} s (PGlite in memory)`,
  );

  const { files, gzipTotal } = await bundleSize();
  const server = await serveTab(ctx, { auth: { mode: 'local' }, distDir: TAB_DIST_DIR });
  try {
    for (const [who, staffId] of [
      ['member of staff', STAFF.author.id],
      ['secretariat', STAFF.secretary.id],
      ['HQ member (RSVPs)', STAFF.deputy1.id],
    ] as const) {
      const times = await dashboardLatency(server.baseUrl, staffId, requests);
      const p99 = percentile(times, 99);
      console.log(
        `dashboard API, ${who}: p50 ${ms(percentile(times, 50))}, p99 ${ms(p99)}, max ${ms(times.at(-1)!)} over ${requests} requests — target p99 ≤ 50 ms: ${verdict(p99 <= 50)}`,
      );
    }
    for (const file of files) console.log(`bundle ${file.name}: ${(file.raw / 1024).toFixed(1)} KB raw, ${(file.gzip / 1024).toFixed(1)} KB gzipped`);
    console.log(`built JS gzipped: ${(gzipTotal / 1024).toFixed(1)} KB — target ≤ 350 KB: ${verdict(gzipTotal <= 350 * 1024)}`);
    try {
      await fs.access(CHROMIUM);
      const { render, fcp } = await firstRenders(server.baseUrl, Number(values.renders));
      const sorted = [...render].sort((a, b) => a - b);
      console.log(
        `first render of the dashboard (cold cache, ${render.length} runs): ${render.map((value) => value.toFixed(0)).join(', ')} ms; median ${ms(percentile(sorted, 50))}, worst ${ms(sorted.at(-1)!)}; first contentful paint median ${ms(
          percentile(
            [...fcp].sort((a, b) => a - b),
            50,
          ),
        )} — target ≤ 1.5 s: ${verdict(sorted.at(-1)! <= 1500)}`,
      );
    } catch (error) {
      console.log(`first render: skipped (${error instanceof Error ? error.message : String(error)})`);
    }
  } finally {
    server.close();
    await store.close();
  }
}

await main();
