import type { Locale } from '../i18n/locale.js';
import type { Grade } from './grade.js';

/** Application-level roles granted explicitly, beyond what posts and bodies imply. */
export type AppRole = 'admin';

/**
 * A member of staff. `entraObjectId` comes from the directory file when it lists it; otherwise
 * it is unknown until the person first talks to the bot or opens the tab, and is then linked by UPN. `grade` is the person's own grade from the directory,
 * which proposal-based PT applications use even when the person holds no listed post.
 */
export interface Staff {
  readonly id: string;
  readonly displayName: string;
  readonly upn: string;
  readonly entraObjectId?: string | undefined;
  /**
   * The person's Teams user id as the bot sees it (`29:…`, the MRI that Teams' roster returns),
   * recorded on their first message to the bot. Shared cards list it in `refresh.userIds`.
   */
  readonly teamsUserId?: string | undefined;
  readonly postId?: string | undefined;
  readonly unitId?: string | undefined;
  readonly grade: Grade;
  readonly appRoles: readonly AppRole[];
  readonly active: boolean;
  /**
   * The language the person chose (`言語` / `language`, or the tab's control), else the
   * directory's default for them. It wins over the client's locale in every face.
   */
  readonly preferredLocale?: Locale | undefined;
}
