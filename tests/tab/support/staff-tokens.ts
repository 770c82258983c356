import { STAFF } from './tab-seed.js';
import { localToken } from './tab-server.js';

/** A local-mode token for every seeded person, keyed by staff id, so a test can call as anyone. */
export async function tokensForAllStaff(baseUrl: string): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const person of Object.values(STAFF)) tokens.set(person.id, await localToken(baseUrl, person.id));
  return tokens;
}
