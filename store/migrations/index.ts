import type { Migration, MigrationProvider } from 'kysely';
import * as programmeAndActivity from './0001-programme-and-activity.js';
import * as conversationsAndNotifications from './0002-conversations-and-notifications.js';
import * as calendarFeeds from './0003-calendar-feeds.js';
import * as personalNotices from './0004-personal-notices.js';
import * as postAbsences from './0005-post-absences.js';
import * as teamRulesAndRecordedReasons from './0006-team-rules-and-recorded-reasons.js';
import * as plans from './0007-plans.js';
import * as sendBudget from './0008-send-budget.js';
import * as minutesAndActionItems from './0009-minutes-and-action-items.js';

/**
 * Migrations are listed in code rather than discovered on disk, so the built server, `tsx` and the
 * tests all see the same set. Append new ones; never edit one that has shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-programme-and-activity': programmeAndActivity,
  '0002-conversations-and-notifications': conversationsAndNotifications,
  '0003-calendar-feeds': calendarFeeds,
  '0004-personal-notices': personalNotices,
  '0005-post-absences': postAbsences,
  '0006-team-rules-and-recorded-reasons': teamRulesAndRecordedReasons,
  '0007-plans': plans,
  '0008-send-budget': sendBudget,
  '0009-minutes-and-action-items': minutesAndActionItems,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1);
