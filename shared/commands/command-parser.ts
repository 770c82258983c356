import { foldForSearch } from '../text/normalise.js';
import { COMMANDS, type CommandDefinition } from './command-catalog.js';

export type ParsedCommand =
  | { readonly kind: 'command'; readonly command: CommandDefinition; readonly argument: string; readonly language: 'ja' | 'en' }
  | { readonly kind: 'unknown'; readonly text: string; readonly nearest?: CommandDefinition | undefined };

/** Every typed name with its command, longest first so `my proposals` wins over a shorter prefix. */
const NAMES = COMMANDS.flatMap((command) =>
  (['ja', 'en'] as const).flatMap((language) => command.names[language].map((name) => ({ name: foldForSearch(name), command, language }))),
).sort((a, b) => b.name.length - a.name.length);

/**
 * Reads a chat message (mention already removed) as a command. Full-width letters, case and
 * extra spaces are folded, so `ＰＴ　２‐２４`, `pt 2-24` and `PT2-24` all reach the `pt` command.
 * A leading `/` is ignored, as people type it from habit.
 */
export function parseCommand(text: string): ParsedCommand {
  const folded = foldForSearch(text).replace(/^\//, '');
  for (const { name, command, language } of NAMES) {
    if (folded === name) return { kind: 'command', command, argument: '', language };
    if (folded.startsWith(name)) {
      const rest = folded.slice(name.length);
      // Japanese names need no space before the argument (`PT2-24`, `会議本部`); English ones do.
      if (rest.startsWith(' ') || language === 'ja' || /^[\d０-９]/.test(rest)) {
        return { kind: 'command', command, argument: rest.trim(), language };
      }
    }
  }
  return { kind: 'unknown', text: folded, nearest: nearestCommand(folded) };
}

/** The command whose name is closest by edit distance, if it is close enough to be a typo. */
export function nearestCommand(text: string): CommandDefinition | undefined {
  const word = text.split(' ')[0] ?? '';
  let best: { command: CommandDefinition; distance: number } | undefined;
  for (const { name, command } of NAMES) {
    const distance = editDistance(word, name.split(' ')[0] ?? name);
    if (!best || distance < best.distance) best = { command, distance };
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best && best.distance <= limit ? best.command : undefined;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (const [i, charA] of left.entries()) {
    const current = [i + 1];
    for (const [j, charB] of right.entries()) {
      current.push(Math.min(previous[j + 1]! + 1, current[j]! + 1, previous[j]! + (charA === charB ? 0 : 1)));
    }
    previous = current;
  }
  return previous[right.length]!;
}
