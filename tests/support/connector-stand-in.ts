/**
 * A local stand-in for the Bot Connector service (the `serviceUrl` Teams gives the bot). It speaks
 * the REST calls botbuilder makes, answers `{ id }` like the real service, records every request,
 * and enforces Teams' published per-bot rate limits itself, so code that sends to Teams (replies,
 * notifications) is tested against throttling and failures without a network.
 *
 *   const connector = await startConnectorStandIn();
 *   // …activities with serviceUrl: connector.url…
 *   connector.received({ operation: 'replyToActivity' });
 *   connector.failNext(conversationId, 403);   // answered once with BotNotInConversationRoster
 *   await connector.close();
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The Bot Connector REST operations the stand-in understands. */
export type ConnectorOperation =
  | 'sendToConversation' // POST   /v3/conversations/{conversationId}/activities
  | 'replyToActivity' //    POST   /v3/conversations/{conversationId}/activities/{activityId}
  | 'updateActivity' //     PUT    /v3/conversations/{conversationId}/activities/{activityId}
  | 'deleteActivity' //     DELETE /v3/conversations/{conversationId}/activities/{activityId}
  | 'createConversation' // POST   /v3/conversations (proactive 1:1; the same member gets the same id)
  | 'getConversationMembers' // GET /v3/conversations/{conversationId}/members
  | 'getConversationMember'; // GET /v3/conversations/{conversationId}/members/{memberId} (TeamsInfo.getMember)

/** One request as the stand-in saw it, whatever it answered. */
export interface ConnectorRequest {
  readonly operation: ConnectorOperation;
  readonly method: string;
  readonly path: string;
  /** From the path; for `createConversation`, the conversation created or found. */
  readonly conversationId: string;
  /** The activity replied to, updated or deleted. */
  readonly activityId?: string | undefined;
  /** The JSON body: an activity, or the parameters of `createConversation`. */
  readonly body?: Record<string, unknown> | undefined;
  readonly authorization?: string | undefined;
  readonly tenantId?: string | undefined;
  readonly at: Date;
  /** What the stand-in answered: 2xx when delivered, otherwise 401/403/404/412/429/5xx. */
  readonly status: number;
}

/** A failure `failNext` can program, with the error code the real service uses by default. */
export const CONNECTOR_ERROR_CODES = {
  401: 'Unauthorized',
  403: 'BotNotInConversationRoster',
  404: 'ConversationNotFound',
  412: 'PreconditionFailed',
  429: 'TooManyRequests',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
} as const;
export type ConnectorFailureStatus = keyof typeof CONNECTOR_ERROR_CODES;

/** A sliding window: at most `max` requests in any `windowMs`. */
export interface RateWindow {
  readonly max: number;
  readonly windowMs: number;
}

/** Teams' published limits per bot: per conversation (thread) for writes, per tenant for every call. */
export const TEAMS_RATE_LIMITS = {
  perConversation: [
    { max: 7, windowMs: 1_000 },
    { max: 8, windowMs: 2_000 },
    { max: 60, windowMs: 30_000 },
    { max: 1_800, windowMs: 3_600_000 },
  ],
  perTenant: [{ max: 50, windowMs: 1_000 }],
} as const satisfies { perConversation: readonly RateWindow[]; perTenant: readonly RateWindow[] };

export interface ConnectorStandInOptions {
  /** Milliseconds since the epoch; tests of the 30 s and 1 h windows move it instead of waiting. */
  readonly now?: () => number;
  /** `false` switches throttling off. */
  readonly rateLimits?: { perConversation: readonly RateWindow[]; perTenant: readonly RateWindow[] } | false;
  /** Answers each write this many milliseconds late (a slow service; a fan-out that can be interrupted). */
  readonly responseDelayMs?: number;
  /** Judges each request's Authorization header; `false` answers 401 (e.g. to require the bot's token). */
  readonly authorize?: (authorization: string | undefined) => boolean;
}

export interface ConnectorStandIn {
  /** The service URL to put in activities: `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** Recorded requests, oldest first; `delivered: true` keeps those answered 2xx. */
  received(filter?: { conversationId?: string; operation?: ConnectorOperation; delivered?: boolean }): ConnectorRequest[];
  /** The next `times` requests about `conversationId` fail with `status` and `{ error: { code } }`. */
  failNext(conversationId: string, status: ConnectorFailureStatus, code?: string, times?: number): void;
  /** The roster `GET …/members` answers (empty until set). */
  setMembers(conversationId: string, members: readonly Record<string, unknown>[]): void;
  /** Forgets requests, rate-limit history, programmed failures, rosters and created conversations. */
  reset(): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Starts the stand-in on 127.0.0.1 and a free port. */
export async function startConnectorStandIn(options: ConnectorStandInOptions = {}): Promise<ConnectorStandIn> {
  const now = options.now ?? Date.now;
  const limits = options.rateLimits === false ? { perConversation: [], perTenant: [] } : (options.rateLimits ?? TEAMS_RATE_LIMITS);
  let requests: ConnectorRequest[] = [];
  let failures = new Map<string, { status: ConnectorFailureStatus; code: string; remaining: number }[]>();
  let members = new Map<string, Record<string, unknown>[]>();
  let created = new Map<string, string>();
  let tenants = new Map<string, string>();
  let conversationHistory = new Map<string, number[]>();
  let tenantHistory = new Map<string, number[]>();
  let nextId = 0;
  let url = '';

  function handle(method: string, rawPath: string, authorization: string | undefined, raw: string): Answer {
    const route = routeOf(method, rawPath);
    if (!route) return { status: 404, body: { error: { code: 'NotFound', message: `${method} ${rawPath}` } } };
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      return { status: 400, body: { error: { code: 'BadSyntax' } } };
    }
    const conversationId = route.conversationId ?? conversationFor(body);
    const tenantId = tenantOf(body) ?? tenants.get(conversationId);
    if (tenantId) tenants.set(conversationId, tenantId);
    const answer = decide(route.operation, conversationId, route.activityId, tenantId, authorization, body);
    const { pathname } = new URL(rawPath, 'http://stand-in');
    requests.push({ ...route, conversationId, method, path: pathname, body, authorization, tenantId, at: new Date(now()), status: answer.status });
    return answer;
  }

  function decide(
    operation: ConnectorOperation,
    conversationId: string,
    activityId: string | undefined,
    tenantId: string | undefined,
    authorization: string | undefined,
    body: Record<string, unknown> | undefined,
  ): Answer {
    if (options.authorize && !options.authorize(authorization)) return failure(401, CONNECTOR_ERROR_CODES[401]);
    const planned = failures.get(conversationId)?.find((plan) => plan.remaining > 0);
    if (planned) {
      planned.remaining -= 1;
      return failure(planned.status, planned.code);
    }
    const writes = operation === 'sendToConversation' || operation === 'replyToActivity' || operation === 'updateActivity' || operation === 'deleteActivity';
    const wait = Math.max(
      writes ? retryAfterMs(history(conversationHistory, conversationId), limits.perConversation) : 0,
      tenantId ? retryAfterMs(history(tenantHistory, tenantId), limits.perTenant) : 0,
    );
    if (wait > 0) return failure(429, CONNECTOR_ERROR_CODES[429], Math.max(1, Math.ceil(wait / 1000)));
    if (writes) history(conversationHistory, conversationId).push(now());
    if (tenantId) history(tenantHistory, tenantId).push(now());
    switch (operation) {
      case 'sendToConversation':
      case 'replyToActivity':
        return { status: 201, body: { id: `activity-${++nextId}` } };
      case 'updateActivity':
        return { status: 200, body: { id: activityId } };
      case 'deleteActivity':
        return { status: 200 };
      case 'getConversationMembers':
        return { status: 200, body: members.get(conversationId) ?? [] };
      case 'getConversationMember': {
        // The member id travels in `activityId`'s slot of the path.
        const member = (members.get(conversationId) ?? []).find((candidate) => candidate.id === activityId || candidate.aadObjectId === activityId);
        return member ? { status: 200, body: member } : failure(404, 'MemberNotFoundInConversation');
      }
      case 'createConversation':
        return { status: 201, body: { id: conversationId, serviceUrl: url, ...(body?.activity ? { activityId: `activity-${++nextId}` } : {}) } };
    }
  }

  /** A 1:1 conversation is keyed by its member, as Teams returns the existing chat with a user. */
  function conversationFor(body: Record<string, unknown> | undefined): string {
    const member = (body?.members as { id?: string }[] | undefined)?.[0]?.id ?? `anonymous-${nextId}`;
    const id = created.get(member) ?? `a:stand-in-conversation-${created.size + 1}`;
    created.set(member, id);
    return id;
  }

  /** Entries older than the longest window can never count again. */
  function history(histories: Map<string, number[]>, key: string): number[] {
    const horizon = now() - 3_600_000;
    const kept = (histories.get(key) ?? []).filter((at) => at > horizon);
    histories.set(key, kept);
    return kept;
  }

  /** How long until one more request fits every window; 0 when it fits now. */
  function retryAfterMs(times: readonly number[], windows: readonly RateWindow[]): number {
    let wait = 0;
    for (const { max, windowMs } of windows) {
      const inWindow = times.filter((at) => at > now() - windowMs);
      const oldestToExpire = inWindow[inWindow.length - max];
      if (oldestToExpire !== undefined) wait = Math.max(wait, oldestToExpire + windowMs - now());
    }
    return wait;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let answer: Answer;
      try {
        answer = handle(req.method ?? 'GET', req.url ?? '/', req.headers.authorization, Buffer.concat(chunks).toString('utf8'));
      } catch {
        answer = { status: 400, body: { error: { code: 'BadArgument' } } };
      }
      const reply = () => {
        res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      };
      if (options.responseDelayMs && req.method !== 'GET') setTimeout(reply, options.responseDelayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    received: (filter = {}) =>
      requests.filter(
        (request) =>
          (filter.conversationId === undefined || request.conversationId === filter.conversationId) &&
          (filter.operation === undefined || request.operation === filter.operation) &&
          (filter.delivered === undefined || filter.delivered === (request.status >= 200 && request.status < 300)),
      ),
    failNext: (conversationId, status, code = CONNECTOR_ERROR_CODES[status], times = 1) => {
      failures.set(conversationId, [...(failures.get(conversationId) ?? []), { status, code, remaining: times }]);
    },
    setMembers: (conversationId, roster) => void members.set(conversationId, [...roster]),
    reset: () => {
      requests = [];
      failures = new Map();
      members = new Map();
      created = new Map();
      tenants = new Map();
      conversationHistory = new Map();
      tenantHistory = new Map();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // botbuilder keeps connections alive; without this, close() would wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}

function failure(status: number, code: string, retryAfterSeconds?: number): Answer {
  const headers = status === 429 ? { 'Retry-After': String(retryAfterSeconds ?? 1) } : undefined;
  return { status, body: { error: { code, message: `stand-in answered ${status}` } }, ...(headers ? { headers } : {}) };
}

function routeOf(method: string, rawPath: string): { operation: ConnectorOperation; conversationId?: string; activityId?: string } | undefined {
  // Service URLs end with '/', and botbuilder adds one more before 'v3'.
  const segments = new URL(rawPath, 'http://stand-in').pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [version, collection, conversationId, kind, activityId, extra] = segments;
  if (version !== 'v3' || collection !== 'conversations' || extra !== undefined) return undefined;
  if (conversationId === undefined) return method === 'POST' ? { operation: 'createConversation' } : undefined;
  if (kind === 'members' && method === 'GET') {
    return activityId === undefined
      ? { operation: 'getConversationMembers', conversationId }
      : { operation: 'getConversationMember', conversationId, activityId };
  }
  if (kind !== 'activities') return undefined;
  if (activityId === undefined) return method === 'POST' ? { operation: 'sendToConversation', conversationId } : undefined;
  const operation = ({ POST: 'replyToActivity', PUT: 'updateActivity', DELETE: 'deleteActivity' } as const)[method as 'POST' | 'PUT' | 'DELETE'];
  return operation ? { operation, conversationId, activityId } : undefined;
}

function tenantOf(body: Record<string, unknown> | undefined): string | undefined {
  const conversation = body?.conversation as { tenantId?: string } | undefined;
  const channelData = body?.channelData as { tenant?: { id?: string } } | undefined;
  return conversation?.tenantId ?? channelData?.tenant?.id ?? (body?.tenantId as string | undefined);
}
