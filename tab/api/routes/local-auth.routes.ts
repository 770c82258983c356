import type { Request, Server } from 'restify';
import { z } from 'zod';
import { rolesOf } from '../../../shared/access/programme-roles.js';
import { programmeRolesOf } from '../../../shared/access/role-groups.js';
import type { LocalStaffDto } from '../../web/models/api-contract.js';
import { publicRoute, type ApiDeps } from '../http/api-route.js';
import { HttpProblem } from '../http/error-response.js';
import { idSchema } from '../http/input.js';
import { localObjectId } from '../auth/local-issuer.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const tokenRequest = z.strictObject({ staffId: idSchema });

/**
 * Local mode's sign-in: the picker's list of active directory entries, tokens for one of them,
 * and the issuer's public keys. Outside local mode, or from a non-loopback address, these answer
 * 404 as if they did not exist.
 */
export function mountLocalAuthRoutes(server: Server, deps: ApiDeps): void {
  const requireLocal = async (req: Request) => {
    if (!deps.auth.localIssuer || !LOOPBACK.has(req.socket.remoteAddress ?? '')) throw new HttpProblem(404, 'localAuth.unavailable');
    return deps.auth.localIssuer;
  };

  server.get(
    '/api/v1/local-auth/status',
    publicRoute(deps, async () => ({ json: { localMode: deps.auth.localIssuer !== undefined } })),
  );

  server.get(
    '/api/v1/local-auth/jwks',
    publicRoute(deps, async ({ req }) => ({ json: (await requireLocal(req)).jwks })),
  );

  server.get(
    '/api/v1/local-auth/staff',
    publicRoute(deps, async ({ req }) => {
      await requireLocal(req);
      const repos = deps.ctx.store.repositories;
      const [staff, units, bodies] = await Promise.all([repos.staff.list(), repos.units.list(), repos.bodies.list()]);
      const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
      const people: LocalStaffDto[] = staff
        .filter((person) => person.active)
        .map((person) => ({
          staffId: person.id,
          displayName: person.displayName,
          upn: person.upn,
          unitName: person.unitId ? unitNames.get(person.unitId) : undefined,
          grade: person.grade,
          secretariat: rolesOf(person, bodies).secretariat,
          roles: programmeRolesOf(person, bodies),
        }));
      return { json: people };
    }),
  );

  server.post(
    '/api/v1/local-auth/token',
    publicRoute(deps, async (call) => {
      const issuer = await requireLocal(call.req);
      const { staffId } = tokenRequest.parse(await call.body());
      const person = await deps.ctx.store.repositories.staff.get(staffId);
      if (!person || !person.active) throw new HttpProblem(404, 'notFound');
      const { token, expiresAt } = await issuer.issue({
        staffId: person.id,
        upn: person.upn,
        displayName: person.displayName,
        objectId: localObjectId(person),
      });
      return { json: { token, expiresAt: expiresAt.toISOString() } };
    }),
  );
}
