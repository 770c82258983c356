import type { Store } from '../ports/store.js';
import type { Clock } from '../time/clock.js';

/**
 * What every use case needs: the store and the clock. Chat commands, card actions, the tab's API
 * and the scheduler all call the same use cases with this context.
 */
export interface UseCaseContext {
  readonly store: Store;
  readonly clock: Clock;
  /** Makes ids for new records; injectable so tests can predict them. */
  readonly newId: () => string;
  /**
   * How accounts are matched to the directory. `relink: 'allow'` lets a directory entry move to
   * another Entra object id (local mode, where demo accounts are made up); by default a second
   * account for one UPN is refused and audited.
   */
  readonly identity?: { readonly relink: 'allow' | 'refuse' } | undefined;
  /**
   * The Teams app id of the installed package: cards link into the personal tab with it
   * (`shared/links/tab-links.ts`). Without it (local mode, tests) cards carry no such link.
   */
  readonly teamsAppId?: string | undefined;
}
