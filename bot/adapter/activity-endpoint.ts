import type { Activity, ActivityHandler } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response } from 'restify';
import type { IdempotencyRepository } from '../../shared/ports/activity-ports.js';
import { authFailureStatus } from './auth-failure.js';
import type { EndpointCloudAdapter } from './endpoint-cloud-adapter.js';
import { readActivityBody } from './request-body.js';
import { isTenantAllowed, tenantOf } from './tenant-gate.js';

/** What `POST /api/messages` needs; built by `createBotRoute`. */
export interface ActivityEndpointDeps {
  readonly adapter: EndpointCloudAdapter;
  readonly bot: ActivityHandler;
  readonly allowedTenantIds: readonly string[];
  readonly idempotency: IdempotencyRepository;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  readonly now: () => Date;
  /** Adds the activity's id, type and conversation to every log line the rest of this request writes. */
  readonly addLogFields?: ((fields: Record<string, unknown>) => void) | undefined;
}

/** Activities that change state; Teams resends them when the bot takes longer than 15 s to answer. */
const DEDUPLICATED_TYPES = new Set(['message', 'invoke']);

/**
 * The Bot Framework messaging endpoint, in the order that keeps untrusted input away from the
 * bot: size (413) → JSON (400) → token (401) → tenant (403) → duplicate (200, not rerun) → turn.
 */
export function createActivityEndpoint(deps: ActivityEndpointDeps): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const body = await readActivityBody(req, deps.maxBodyBytes);
    if (!body.ok) {
      deps.logger.warn({ status: body.status, reason: body.reason }, 'bot endpoint refused a request body');
      if (body.status === 413) res.header('Connection', 'close');
      res.send(body.status, { error: body.reason });
      return;
    }
    const activity = body.activity as unknown as Activity;
    const where = { activityType: activity.type, activityId: activity.id, conversationId: activity.conversation.id };
    deps.addLogFields?.(where);

    let authenticated;
    try {
      authenticated = await deps.adapter.authenticate(activity, req.header('authorization') ?? '');
    } catch (error) {
      const status = authFailureStatus(error);
      deps.logger.warn({ ...where, status, reason: error instanceof Error ? error.message : String(error) }, 'bot endpoint refused a token');
      res.send(status);
      return;
    }

    const tenantId = tenantOf(activity);
    if (!isTenantAllowed(tenantId, deps.allowedTenantIds)) {
      deps.logger.warn({ ...where, tenantId }, 'bot endpoint refused an activity from a tenant that is not allowed');
      res.send(403);
      return;
    }

    try {
      if (DEDUPLICATED_TYPES.has(activity.type) && activity.id && !(await claimFirstDelivery(deps, activity))) {
        deps.logger.info(where, 'bot endpoint acknowledged a repeated activity without running it again');
        res.send(200);
        return;
      }
      const invokeResponse = await deps.adapter.runTurn(authenticated, activity, (context) => deps.bot.run(context));
      if (invokeResponse?.body === undefined) res.send(invokeResponse?.status ?? 200);
      else res.send(invokeResponse.status, invokeResponse.body);
    } catch (error) {
      // onTurnError has already answered the user when the bot itself failed; this is the rest.
      deps.logger.error({ ...where, err: error }, 'bot endpoint could not process an activity');
      res.send(500);
    }
  };
}

function claimFirstDelivery(deps: ActivityEndpointDeps, activity: Activity): Promise<boolean> {
  return deps.idempotency.claim(`activity:${activity.conversation.id}:${activity.id}`, deps.now());
}
