import { matchesEveryTerm } from '../text/search-match.js';
import { compareProjectTeams } from './item-order.js';
import { displayItemNumbers, type ProjectTeam } from './project-team.js';

/** What a PT text search looks in: item numbers, title, study topics and notes. */
export function projectTeamSearchFields(team: ProjectTeam): string[] {
  return [displayItemNumbers(team), team.title, ...team.topics.map((topic) => topic.text), ...team.notes];
}

/**
 * The PTs whose text contains every word of `query`, by item number (`1-4` before `1-22`). Width, case, dashes and
 * okurigana are folded, so 問い合わせ finds 1-4 (titled お問合せ…) and お問合せ finds its topics.
 */
export function searchProjectTeams(teams: readonly ProjectTeam[], query: string): ProjectTeam[] {
  return teams.filter((team) => matchesEveryTerm(projectTeamSearchFields(team), query)).sort(compareProjectTeams);
}
