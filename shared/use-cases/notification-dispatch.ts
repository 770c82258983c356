import { selectDue } from '../notifications/catch-up.js';
import type { OutboxEntry } from '../notifications/outbox-entry.js';
import { sendBudgetKeys } from '../notifications/budgeted-sender.js';
import type { ConversationSender, DeliveryOutcome, NotificationRenderer } from '../ports/notification-ports.js';
import type { SendBudget } from '../ports/send-budget.js';
import type { UseCaseContext } from './context.js';

export interface DispatchDeps {
  readonly ctx: UseCaseContext;
  readonly sender: ConversationSender;
  readonly renderer: NotificationRenderer;
  /**
   * Shared by every dispatch of this process, so the Teams limits hold across ticks; with several
   * instances, shared by them all (the tenant's 50/s is one budget whichever instance sends).
   */
  readonly budget: SendBudget;
  /** Names this process's claims; a restarted process gets a new one. */
  readonly instanceId: string;
  readonly batchSize?: number;
  /** How long a claim holds before another instance may take the row (a crashed sender). */
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  /** Sends at once across conversations; within one conversation messages keep their order. */
  readonly concurrency?: number;
  /** Jitter source for backoff; injectable for tests. */
  readonly random?: () => number;
}

export interface DispatchReport {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
}

/** Conversations Teams says are gone or closed to the bot: deactivate, never retry. */
const GONE_STATUSES = new Set([403, 404]);
/** Worth another attempt later: throttled, precondition (concurrent update), or the service is unwell. */
const RETRY_STATUSES = new Set([0, 408, 412, 429, 500, 502, 503, 504]);
const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * One pass of the sender: release claims of dead instances, skip what downtime made stale, claim
 * due rows (`FOR UPDATE SKIP LOCKED` — several instances share the work, none takes a row twice),
 * and deliver them within Teams' limits. A row is marked sent right after Teams accepts it, so a
 * crash can at worst repeat the sends that were in flight.
 */
export async function dispatchDue(deps: DispatchDeps): Promise<DispatchReport> {
  const { ctx, instanceId } = deps;
  const outbox = ctx.store.repositories.outbox;
  const report: DispatchReport = { sent: 0, skipped: 0, retried: 0, failed: 0 };
  const now = ctx.clock.now();
  await outbox.releaseExpiredClaims(now);
  report.skipped += await skipStale(deps, now);

  const claimed = await outbox.claimDue(now, deps.batchSize ?? 200, instanceId, new Date(now.getTime() + (deps.leaseMs ?? 120_000)));
  const byConversation = new Map<string, OutboxEntry[]>();
  for (const entry of claimed) {
    const queue = byConversation.get(entry.conversationId) ?? [];
    queue.push(entry);
    byConversation.set(entry.conversationId, queue);
  }
  const queues = [...byConversation.values()];
  const workers = Array.from({ length: Math.min(deps.concurrency ?? 20, queues.length) }, async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const entry of queue) await deliver(deps, entry, report);
    }
  });
  await Promise.all(workers);
  return report;
}

/**
 * The catch-up rule, per conversation: of a series only the latest due reminder is still worth
 * sending, and nothing past its expiry is sent.
 */
async function skipStale(deps: DispatchDeps, now: Date): Promise<number> {
  const outbox = deps.ctx.store.repositories.outbox;
  const due = await outbox.listDuePending(now, 5_000);
  const byConversation = new Map<string, OutboxEntry[]>();
  for (const entry of due) byConversation.set(entry.conversationId, [...(byConversation.get(entry.conversationId) ?? []), entry]);
  const stale = [...byConversation.values()].flatMap(
    (entries) =>
      selectDue(
        entries.map((entry) => ({ ...entry, key: entry.id })),
        now,
      ).skip,
  );
  await outbox.markSkipped(
    stale.map((entry) => entry.key),
    'superseded or expired during downtime',
  );
  return stale.length;
}

async function deliver(deps: DispatchDeps, entry: OutboxEntry, report: DispatchReport): Promise<void> {
  const { ctx, instanceId } = deps;
  const repos = ctx.store.repositories;
  const now = ctx.clock.now();
  const target = await repos.conversations.get(entry.conversationId);
  const skip = async (reason: string) => {
    await repos.outbox.markSkipped([entry.id], reason);
    report.skipped += 1;
  };
  if (!target || !target.active) return skip('conversation inactive');
  if (entry.expiresAt <= now) return skip('expired');
  const rendered = await deps.renderer.render(entry, target, now);
  if (rendered.kind === 'skip') return skip(rendered.reason);

  const release = await deps.budget.acquire(sendBudgetKeys(target));
  let outcome: DeliveryOutcome;
  try {
    outcome =
      rendered.kind === 'update' ? await deps.sender.update(target, rendered.activityId, rendered.message) : await deps.sender.send(target, rendered.message);
  } catch (error) {
    outcome = { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
  } finally {
    await release();
  }
  if (outcome.ok) {
    await repos.outbox.markSent(entry.id, instanceId, outcome.activityId ?? (rendered.kind === 'update' ? rendered.activityId : undefined), ctx.clock.now());
    report.sent += 1;
    return;
  }
  const error = `${outcome.status} ${outcome.code ?? ''} ${outcome.message}`.trim();
  if (GONE_STATUSES.has(outcome.status)) {
    // BotNotInConversationRoster, ConversationBlockedByUser, BotDisabledByAdmin, ConversationNotFound:
    // the record stays (history, and the tab shows it) but nothing is sent there again.
    await repos.conversations.deactivate(target.conversationId, outcome.code ?? String(outcome.status), ctx.clock.now());
    await repos.outbox.markFailed(entry.id, instanceId, error);
    report.failed += 1;
    return;
  }
  if (RETRY_STATUSES.has(outcome.status) && entry.attempts < (deps.maxAttempts ?? 6)) {
    const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (entry.attempts - 1));
    const jittered = backoff / 2 + (deps.random ?? Math.random)() * (backoff / 2);
    const wait = outcome.status === 429 && outcome.retryAfterMs !== undefined ? outcome.retryAfterMs : jittered;
    await repos.outbox.markRetry(entry.id, instanceId, error, new Date(ctx.clock.now().getTime() + wait));
    report.retried += 1;
    return;
  }
  await repos.outbox.markFailed(entry.id, instanceId, error);
  report.failed += 1;
}
