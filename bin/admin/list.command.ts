import type { Repositories } from '../../shared/ports/store.js';
import { displayItemNumbers } from '../../shared/plan/project-team.js';
import { formatIsoJst } from '../../shared/time/index.js';
import { CliError } from './cli-messages.js';
import type { CliCommand } from './cli-command.js';

const LISTS = ['bodies', 'pts', 'calls', 'practices', 'milestones'] as const;
type ListName = (typeof LISTS)[number];

/** `list <what> [--json]`: a table for people, JSON for scripts. */
export const listCommand: CliCommand = async ({ words, flags, context }) => {
  const what = words[0] as ListName | undefined;
  if (!what || !LISTS.includes(what)) throw new CliError('missingArgument', { argument: LISTS.join('|') });
  const { store } = await context();
  const repos = store.repositories;
  const rows = await loaders[what](repos);
  if (flags.json)
    return JSON.stringify(
      rows.map((row) => row.json),
      null,
      2,
    );
  return rows.map((row) => row.line).join('\n');
};

type Row = { json: unknown; line: string };
type Repos = Repositories;

const loaders: Record<ListName, (repos: Repos) => Promise<Row[]>> = {
  bodies: async (repos) => (await repos.bodies.list()).map((body) => ({ json: body, line: `${body.id}\t${body.kind}\t${body.name}\t${body.roster.length}` })),
  pts: async (repos) =>
    (await repos.projectTeams.list()).map((team) => ({
      json: { ...team, display: displayItemNumbers(team) },
      line: `${displayItemNumbers(team)}\t${team.category}\t${team.title}`,
    })),
  calls: async (repos) =>
    (await repos.calls.list()).map((call) => ({
      json: call,
      line: `${call.id}\t${call.status}\t${call.title}\t${call.tracks.map((t) => `${t.kind}:${formatIsoJst(t.closesAt)}`).join(' ')}`,
    })),
  practices: async (repos) =>
    (await repos.practices.list()).map((practice) => ({ json: practice, line: `${practice.number}\t${practice.origin}\t${practice.title}` })),
  milestones: async (repos) =>
    (await repos.milestones.list()).map((milestone) => ({
      json: milestone,
      line: `${milestone.fiscalYear}\t${milestone.scheduleId}\t${milestone.month}\t${milestone.label}`,
    })),
};
