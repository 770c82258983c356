import { randomUUID } from 'node:crypto';
import { SlidingWindowLimiter } from '../shared/notifications/rate-limiter.js';
import type { ConversationSender, NotificationRenderer } from '../shared/ports/notification-ports.js';
import type { SendBudget } from '../shared/ports/send-budget.js';
import type { UseCaseContext } from '../shared/use-cases/context.js';
import { dispatchDue, type DispatchReport } from '../shared/use-cases/notification-dispatch.js';
import { reconcileNotifications } from '../shared/use-cases/notification-planning.js';
import type { Logger } from './logger.js';

export interface NotificationSchedulerOptions {
  readonly ctx: UseCaseContext;
  readonly sender: ConversationSender;
  readonly renderer: NotificationRenderer;
  readonly logger: Logger;
  /** Unique per process; rows it holds when it dies are taken over once their lease runs out. */
  readonly instanceId?: string;
  readonly dispatchIntervalMs?: number;
  readonly reconcileIntervalMs?: number;
  readonly leaseMs?: number;
  /**
   * Teams' limits, counted across every instance sending for the same tenants: the PostgreSQL
   * budget (store/postgres-send-budget.ts) on a server. Absent, this process counts alone
   * (PGlite, one instance).
   */
  readonly budget?: SendBudget;
}

export interface NotificationScheduler {
  readonly instanceId: string;
  start(): void;
  /** Stops claiming, lets the sends in flight finish, and hands back anything still claimed. */
  stop(): Promise<void>;
  /** One reconcile-and-dispatch pass now (tests and the admin CLI). */
  runOnce(): Promise<DispatchReport>;
  isRunning(): boolean;
}

/**
 * This process's own count of Teams' limits, in real time (Teams counts its limits in wall-clock
 * seconds, not the business clock). Made once and given to the scheduler and the tab's test send
 * alike, so both count against one budget.
 */
export function createProcessSendBudget(): SendBudget {
  return new SlidingWindowLimiter(
    () => Date.now(),
    (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  );
}

/**
 * The notification loop of one app instance: every `reconcileIntervalMs` it plans what the
 * current state calls for (deadline and personal reminders), every `dispatchIntervalMs` it sends
 * what is due. Several instances may run it against one PostgreSQL server.
 */
export function createNotificationScheduler(options: NotificationSchedulerOptions): NotificationScheduler {
  const instanceId = options.instanceId ?? `instance-${randomUUID()}`;
  const budget = options.budget ?? createProcessSendBudget();
  const dispatchEvery = options.dispatchIntervalMs ?? 1_000;
  const reconcileEvery = options.reconcileIntervalMs ?? 60_000;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let lastReconcile = 0;

  const runOnce = async (): Promise<DispatchReport> => {
    if (Date.now() - lastReconcile >= reconcileEvery) {
      lastReconcile = Date.now();
      const planned = await reconcileNotifications(options.ctx);
      if (planned) options.logger.info({ planned }, 'notifications planned');
    }
    const report = await dispatchDue({ ctx: options.ctx, sender: options.sender, renderer: options.renderer, budget, instanceId, leaseMs: options.leaseMs });
    if (report.sent || report.failed || report.retried || report.skipped) options.logger.info({ ...report, instanceId }, 'notifications dispatched');
    return report;
  };

  const loop = () => {
    if (!running) return;
    current = runOnce()
      .catch((error: unknown) => options.logger.error({ err: error }, 'notification pass failed; retrying on the next tick'))
      .finally(() => {
        if (running) timer = setTimeout(loop, dispatchEvery);
      });
  };

  return {
    instanceId,
    start() {
      if (running) return;
      running = true;
      loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await current;
      const released = await options.ctx.store.repositories.outbox.releaseClaimsOf(instanceId);
      if (released) options.logger.info({ released, instanceId }, 'released claimed notifications for other instances');
    },
    runOnce: () => runOnce(),
    isRunning: () => running,
  };
}
