import type { Server } from 'restify';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { createTabAuth, type TabAuth, type TabAuthSettings } from './auth/tab-auth.js';
import type { ApiDeps, TabLogger, TabNotificationTools } from './http/api-route.js';
import { mountAbsenceRoutes } from './routes/absences.routes.js';
import { mountAdminRoutes } from './routes/admin.routes.js';
import { mountCatalogueRoutes } from './routes/catalogue.routes.js';
import { mountDashboardRoutes } from './routes/dashboard.routes.js';
import { mountIcalRoutes } from './routes/ical.routes.js';
import { mountLocalAuthRoutes } from './routes/local-auth.routes.js';
import { mountMeetingRoutes } from './routes/meetings.routes.js';
import { mountMinutesRoutes } from './routes/minutes.routes.js';
import { mountNotificationRoutes } from './routes/notifications.routes.js';
import { mountProgrammeRoutes } from './routes/programme.routes.js';
import { mountProposalRoutes } from './routes/proposals.routes.js';
import { mountRecruitmentRoutes } from './routes/recruitment.routes.js';
import { mountReviewRoutes } from './routes/review.routes.js';

export type { TabAuthSettings } from './auth/tab-auth.js';
export type { TabLogger, TabNotificationTools } from './http/api-route.js';

/** Request bodies larger than this are refused with 413 (the host's limit when it gives none). */
export const DEFAULT_TAB_MAX_BODY_BYTES = 64 * 1024;

export interface TabRouteDeps {
  readonly ctx: UseCaseContext;
  readonly logger: TabLogger;
  readonly auth: TabAuthSettings;
  /** `production` refuses local-mode authentication outright. */
  readonly nodeEnv: string;
  readonly maxBodyBytes?: number | undefined;
  readonly notifications?: TabNotificationTools | undefined;
}

/**
 * The tab's JSON API under `/api/v1/`. Every route but local sign-in validates a bearer token
 * with the one validator of {@link createTabAuth}, then authorises by the caller's directory roles.
 */
export function createTabRoutes(deps: TabRouteDeps): (server: Server) => void {
  const auth: TabAuth = createTabAuth(deps.auth, deps.nodeEnv);
  const api: ApiDeps = {
    ctx: deps.ctx,
    auth,
    logger: deps.logger,
    maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_TAB_MAX_BODY_BYTES,
    notifications: deps.notifications,
  };
  return (server) => {
    mountLocalAuthRoutes(server, api);
    mountDashboardRoutes(server, api);
    mountMeetingRoutes(server, api);
    mountMinutesRoutes(server, api);
    mountNotificationRoutes(server, api);
    mountProposalRoutes(server, api);
    mountReviewRoutes(server, api);
    mountCatalogueRoutes(server, api);
    mountProgrammeRoutes(server, api);
    mountRecruitmentRoutes(server, api);
    mountIcalRoutes(server, api);
    mountAdminRoutes(server, api);
    mountAbsenceRoutes(server, api);
  };
}
