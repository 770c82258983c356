import { app, authentication, pages } from '@microsoft/teams-js';
import type { Locale } from '../../../shared/i18n/locale.js';
import { toLocale } from '../../../shared/i18n/locale.js';

export type HostTheme = 'default' | 'dark' | 'contrast';

/** What the tab knows about where it runs. Outside Teams, `inTeams` is false and local mode may be offered. */
export interface HostContext {
  readonly inTeams: boolean;
  readonly locale: Locale;
  readonly theme: HostTheme;
  readonly userPrincipalName?: string | undefined;
  readonly teamName?: string | undefined;
  readonly channelName?: string | undefined;
  /**
   * The tab route a Teams deep link asked for (its `subEntityId`, e.g. `meetings/<id>`): the cards'
   * "open in the app" buttons land here. Absent when the tab was opened plainly.
   */
  readonly subPageId?: string | undefined;
}

const TEAMS_INIT_TIMEOUT_MS = 3000;

function toTheme(value: string | undefined): HostTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/** A plain browser has no parent frame or opener; only then is Teams not asked at all. */
function mayBeInTeams(): boolean {
  return window.parent !== window || window.opener != null;
}

/**
 * Initialises teams-js when framed by a Teams client and reads user, locale, theme, team and
 * channel; outside Teams the locale and theme come from `?locale=` / `?theme=` (Japanese and
 * the light theme by default).
 */
export async function connectToHost(): Promise<HostContext> {
  const params = new URLSearchParams(window.location.search);
  const browser: HostContext = { inTeams: false, locale: toLocale(params.get('locale') ?? 'ja'), theme: toTheme(params.get('theme') ?? undefined) };
  if (!mayBeInTeams()) return browser;
  try {
    await Promise.race([app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('teams init timeout')), TEAMS_INIT_TIMEOUT_MS))]);
    const context = await app.getContext();
    // Not awaited: this only tells Teams to drop its loading screen, and a host that never
    // acknowledges it must not hold up the tab. A refused acknowledgement changes nothing here.
    app.notifySuccess().catch(() => undefined);
    return {
      inTeams: true,
      locale: toLocale(context.app.locale),
      theme: toTheme(context.app.theme),
      userPrincipalName: context.user?.userPrincipalName,
      teamName: context.team?.displayName,
      channelName: context.channel?.displayName,
      subPageId: context.page.subPageId || undefined,
    };
  } catch {
    return browser;
  }
}

/** Follows the Teams theme live (default, dark, high contrast). */
export function onHostThemeChange(handler: (theme: HostTheme) => void): void {
  app.registerOnThemeChangeHandler((theme) => handler(toTheme(theme)));
}

/** The Teams SSO token for the tab's app registration; teams-js caches and renews it. */
export function teamsSsoToken(): Promise<string> {
  return authentication.getAuthToken();
}

/** What a configurable (channel) tab saves: the page it opens, its id and the name Teams suggests. */
export interface ChannelTabConfig {
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/** Tells Teams whether the configuration page's Save button may be pressed. */
export function setChannelTabValidity(valid: boolean): void {
  pages.config.setValidityState(valid);
}

/**
 * Answers Teams' save event with the current choice (`current()` is read when Save is pressed):
 * the configuration is stored, then the save is reported successful; nothing chosen or a refused
 * `setConfig` reports failure, so Teams keeps the dialog open.
 */
export function onChannelTabSave(current: () => ChannelTabConfig | undefined): void {
  pages.config.registerOnSaveHandler((event) => {
    const config = current();
    if (!config) return event.notifyFailure('nothing chosen');
    pages.config.setConfig({ ...config }).then(
      () => event.notifySuccess(),
      (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
    );
  });
}

/**
 * The `entityId` a channel tab was saved with, when Teams opens its configuration page again
 * (Settings on the tab); `undefined` on the first configuration or when the host cannot say.
 */
export async function savedChannelTabEntityId(): Promise<string | undefined> {
  try {
    return (await pages.getConfig()).entityId || undefined;
  } catch {
    return undefined;
  }
}
