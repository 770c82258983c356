import type { Locale } from '../../shared/i18n/locale.js';
import { optionalTabDeepLink, type TabRoute } from '../../shared/links/tab-links.js';
import { t } from '../i18n/bot-text.js';
import { openUrlAction, type CardAction } from './card-kit.js';

/**
 * "アプリで開く / Open in the app": a Teams deep link to the personal tab on `route`. Without a
 * configured Teams app id there is no link to build, and the card simply has no such button.
 */
export function openInAppActions(locale: Locale, teamsAppId: string | undefined, route: TabRoute): CardAction[] {
  const url = optionalTabDeepLink(teamsAppId, route);
  return url ? [openUrlAction(t('common.openInApp', locale), url)] : [];
}
