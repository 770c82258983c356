import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_TAB_ENTITY_ID, optionalTabDeepLink, parseTabRoutePath, parseTabUrl, tabDeepLink, tabRoutePath } from '../../../shared/links/tab-links.js';

const APP_ID = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';

/** What Teams hands the tab: the `context` query parameter, decoded and parsed. */
function contextOf(link: string): unknown {
  return JSON.parse(new URL(link).searchParams.get('context') ?? 'null');
}

describe('deep links to the personal tab', () => {
  it('open the dashboard tab of the app on a meeting, with the route as subEntityId', () => {
    const link = tabDeepLink(APP_ID, { page: 'meetings', id: 'demo-meeting-hq' });
    expect(link).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/dashboard?context=${encodeURIComponent('{"subEntityId":"meetings/demo-meeting-hq"}')}`);
    expect(contextOf(link)).toEqual({ subEntityId: 'meetings/demo-meeting-hq' });
  });

  it('encode the context completely, so an id with reserved characters survives the round trip', () => {
    const id = 'a b&c/d?e#f"g';
    const link = tabDeepLink(APP_ID, { page: 'proposals', id });
    expect(link).not.toMatch(/[ "{}]/);
    const { subEntityId } = contextOf(link) as { subEntityId: string };
    expect(parseTabRoutePath(subEntityId)).toEqual({ page: 'proposals', id });
  });

  it('name a bare page without an id', () => {
    expect(contextOf(tabDeepLink(APP_ID, { page: 'proposals' }))).toEqual({ subEntityId: 'proposals' });
    expect(tabRoutePath({ page: 'pts', id: 'pt-2-24' })).toBe('pts/pt-2-24');
  });

  it('are left out without a Teams app id', () => {
    expect(optionalTabDeepLink(undefined, { page: 'meetings', id: 'm' })).toBeUndefined();
    expect(optionalTabDeepLink('', { page: 'meetings', id: 'm' })).toBeUndefined();
    expect(optionalTabDeepLink(APP_ID, { page: 'meetings', id: 'm' })).toContain('/dashboard?context=');
  });

  it('name the entity id the manifest gives the personal tab', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../appPackage/manifest.json'), 'utf8')) as {
      staticTabs: { entityId: string; contentUrl?: string }[];
    };
    const tab = manifest.staticTabs.find((candidate) => candidate.entityId === DASHBOARD_TAB_ENTITY_ID);
    expect(tab?.contentUrl).toBe('https://${{BOT_DOMAIN}}/tab/');
  });
});

describe('tab URLs pasted into a conversation', () => {
  it('name the page and the item of each route the tab has', () => {
    expect(parseTabUrl('https://app.example.jp/tab/#/meetings/demo-meeting-hq')).toEqual({ page: 'meetings', id: 'demo-meeting-hq' });
    expect(parseTabUrl('https://app.example.jp/tab/#/pts/2-24')).toEqual({ page: 'pts', id: '2-24' });
    expect(parseTabUrl('https://app.example.jp/tab#/proposals/p%201')).toEqual({ page: 'proposals', id: 'p 1' });
    expect(parseTabUrl('https://app.example.jp/tab/index.html#/practices/gp-1')).toEqual({ page: 'practices', id: 'gp-1' });
    expect(parseTabUrl('https://app.example.jp/tab/#/proposals')).toEqual({ page: 'proposals' });
  });

  it('are read only on the app’s own host when it is known', () => {
    expect(parseTabUrl('https://APP.example.jp/tab/#/meetings/m', 'app.example.jp')).toEqual({ page: 'meetings', id: 'm' });
    expect(parseTabUrl('https://other.example.jp/tab/#/meetings/m', 'app.example.jp')).toBeUndefined();
  });

  it('are read over plain http only from this machine, where the app runs for the Agents Playground', () => {
    expect(parseTabUrl('http://127.0.0.1:3978/tab/#/pts/2-24')).toEqual({ page: 'pts', id: '2-24' });
    expect(parseTabUrl('http://localhost:3978/tab/#/meetings/m')).toEqual({ page: 'meetings', id: 'm' });
    expect(parseTabUrl('http://127.0.0.2/tab/#/meetings/m')).toBeUndefined();
    expect(parseTabUrl('http://localhost.example.jp/tab/#/meetings/m')).toBeUndefined();
  });

  it('give nothing for anything else', () => {
    for (const url of [
      'http://app.example.jp/tab/#/meetings/m',
      'https://user:pw@app.example.jp/tab/#/meetings/m',
      'https://app.example.jp/api/v1/meetings/m',
      'https://app.example.jp/tab/',
      'https://app.example.jp/tab/#/unknown/x',
      'https://app.example.jp/tab/#/meetings/a/b',
      'https://app.example.jp/tab/#/meetings/%E0%A4%A',
      'https://app.example.jp/tab/#/meetings/%20',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(parseTabUrl(url), url).toBeUndefined();
    }
  });
});
