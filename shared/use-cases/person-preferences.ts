import { DomainError } from '../domain-error.js';
import type { Locale } from '../i18n/locale.js';
import type { Staff } from '../organisation/staff.js';
import type { UseCaseContext } from './context.js';

/** What people type or pick for a language, folded (NFKC, lower case), mapped to ours. */
const LANGUAGE_WORDS: Readonly<Record<string, Locale>> = {
  ja: 'ja',
  'ja-jp': 'ja',
  japanese: 'ja',
  日本語: 'ja',
  にほんご: 'ja',
  en: 'en',
  'en-us': 'en',
  english: 'en',
  英語: 'en',
  えいご: 'en',
};

/** Reads a language name as a locale; `undefined` when it names none of ours. */
export function parseLanguage(text: string): Locale | undefined {
  return LANGUAGE_WORDS[text.normalize('NFKC').trim().toLowerCase()];
}

/**
 * Stores the language a person chose. It wins over the client's locale in the bot, the tab and
 * the notifications sent to them, and a later directory import keeps it.
 */
export async function setPreferredLocale(ctx: UseCaseContext, person: Staff, locale: Locale): Promise<Staff> {
  return ctx.store.transaction(async (tx) => {
    const current = await tx.staff.get(person.id);
    if (!current || !current.active) throw new DomainError('staff.notInDirectory');
    if (current.preferredLocale === locale) return current;
    const next: Staff = { ...current, preferredLocale: locale };
    await tx.staff.upsert(next);
    await tx.audit.record({
      entityType: 'staff',
      entityId: current.id,
      action: 'setPreferredLocale',
      actorStaffId: current.id,
      at: ctx.clock.now(),
      before: { locale: current.preferredLocale },
      after: { locale },
    });
    return next;
  });
}
