/**
 * Links into the app's tab, as plain strings: the tab's own hash routes (`#/meetings/<id>`), the
 * Teams deep link that opens the personal tab on one of them, and the reading of a tab URL pasted
 * into a conversation (link unfurling). The tab's router (`tab/web/components/use-hash-route.ts`)
 * reads the same routes: a page name, then at most one URI-encoded id.
 */

/** The personal tab's `entityId` in appPackage/manifest.json; deep links name it. */
export const DASHBOARD_TAB_ENTITY_ID = 'dashboard';

/** The pages of the tab that a card or a link may name. */
export type TabPage = 'meetings' | 'pts' | 'proposals' | 'practices' | 'review' | 'proposal-pt' | 'bodies';

const TAB_PAGES: ReadonlySet<string> = new Set<TabPage>(['meetings', 'pts', 'proposals', 'practices', 'review', 'proposal-pt', 'bodies']);

/** One place in the tab: a page, and the item it shows when there is one. */
export interface TabRoute {
  readonly page: TabPage;
  readonly id?: string | undefined;
}

/** Teams' deep links address an app's tabs under this path. */
const TEAMS_ENTITY_LINK = 'https://teams.microsoft.com/l/entity/';

/** The route as the tab's hash says it, without `#/`: `meetings/<encoded id>`, or the bare page. */
export function tabRoutePath(route: TabRoute): string {
  return route.id ? `${route.page}/${encodeURIComponent(route.id)}` : route.page;
}

/**
 * The Teams deep link that opens the personal tab on `route`:
 * `https://teams.microsoft.com/l/entity/<app id>/dashboard?context={"subEntityId":"meetings/<id>"}`
 * (the context URL-encoded). The tab reads `subEntityId` back as teams-js' `page.subPageId`.
 */
export function tabDeepLink(teamsAppId: string, route: TabRoute): string {
  const context = JSON.stringify({ subEntityId: tabRoutePath(route) });
  return `${TEAMS_ENTITY_LINK}${encodeURIComponent(teamsAppId)}/${DASHBOARD_TAB_ENTITY_ID}?context=${encodeURIComponent(context)}`;
}

/** The deep link when the app id is configured; without one, cards simply carry no such link. */
export function optionalTabDeepLink(teamsAppId: string | undefined, route: TabRoute): string | undefined {
  return teamsAppId ? tabDeepLink(teamsAppId, route) : undefined;
}

/**
 * Reads a route from its path form (`meetings/abc`, as a deep link's `subEntityId` or a hash
 * without `#/`). Unknown pages, empty or extra segments and undecodable ids give `undefined`.
 */
export function parseTabRoutePath(path: string): TabRoute | undefined {
  const segments = path
    .replace(/^#?\/?/, '')
    .replace(/\/$/, '')
    .split('/');
  if (segments.length > 2) return undefined;
  const [page = '', encodedId] = segments;
  if (!TAB_PAGES.has(page)) return undefined;
  if (encodedId === undefined) return { page: page as TabPage };
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return undefined;
  }
  return id.trim() ? { page: page as TabPage, id } : undefined;
}

/**
 * The route of a tab URL such as `https://<BOT_DOMAIN>/tab/#/meetings/<id>`: https only (plain
 * http only on this machine's loopback, where the app runs for the Agents Playground), the tab
 * served under `/tab/`, and a hash route. When `host` is given the URL must be on it. Anything
 * else (another site, the API, a malformed URL) gives `undefined`.
 */
export function parseTabUrl(url: string, host?: string): TabRoute | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (!(parsed.protocol === 'https:' || (loopback && parsed.protocol === 'http:')) || parsed.username || parsed.password) return undefined;
  if (host !== undefined && parsed.host.toLowerCase() !== host.toLowerCase()) return undefined;
  if (!/^\/tab\/?(index\.html)?$/.test(parsed.pathname)) return undefined;
  if (!parsed.hash.startsWith('#/')) return undefined;
  return parseTabRoutePath(parsed.hash.slice(2));
}
