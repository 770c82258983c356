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
}
