import { STAFF } from './tab-seed.js';
import { localToken } from './tab-server.js';

/** A local-mode token for every seeded person, keyed by staff id, so a test can call as anyone. */
export async function tokensForAllStaff(baseUrl: string, extraStaffIds: readonly string[] = []): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const id of [...Object.values(STAFF).map((person) => person.id), ...extraStaffIds]) tokens.set(id, await localToken(baseUrl, id));
  return tokens;
}
