import { teamsSsoToken } from './teams-host.js';

const LOCAL_TOKEN_KEY = 'gyosei-keiei.local-token';

/**
 * Where the bearer token comes from: Teams SSO inside Teams, or the local-mode issuer after the
 * "sign in as" picker. Only `api-client` asks for it.
 */
type Source = { kind: 'teams' } | { kind: 'local' } | { kind: 'none' };
let source: Source = { kind: 'none' };
const listeners = new Set<() => void>();

export function selectTeamsSso(): void {
  source = { kind: 'teams' };
}

export function selectLocalSession(): void {
  source = { kind: 'local' };
}

interface StoredLocalToken {
  readonly token: string;
  readonly expiresAt: string;
}

export function storeLocalToken(value: StoredLocalToken): void {
  sessionStorage.setItem(LOCAL_TOKEN_KEY, JSON.stringify(value));
  source = { kind: 'local' };
  listeners.forEach((listener) => listener());
}

export function hasLocalToken(): boolean {
  return readLocal() !== undefined;
}

function readLocal(): string | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(LOCAL_TOKEN_KEY) ?? 'null') as StoredLocalToken | null;
    return stored && new Date(stored.expiresAt).getTime() > Date.now() + 30_000 ? stored.token : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the local session (sign out, or the server refused the token). */
export function signOut(): void {
  sessionStorage.removeItem(LOCAL_TOKEN_KEY);
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The current bearer token, or undefined when nobody is signed in. */
export async function currentToken(): Promise<string | undefined> {
  if (source.kind === 'teams') return teamsSsoToken();
  if (source.kind === 'local') return readLocal();
  return undefined;
}
