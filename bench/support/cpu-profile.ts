import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads the `.cpuprofile` files `node --cpu-prof` wrote and sums self time per place: a package
 * under node_modules, a folder of the app, or a V8 bucket such as (garbage collector). Where a
 * bot turn's time goes, in a form a bench can print.
 */

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

interface CpuProfile {
  /** Microseconds of the monotonic clock, the one `process.hrtime` reads in every process. */
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileShare {
  readonly place: string;
  readonly ms: number;
  readonly share: number;
}

/** The place a frame's own time is charged to. */
function placeOf(frame: ProfileNode['callFrame'], root: string): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const url = frame.url.replace(/^file:\/\//, '');
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scopeOrName, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scopeOrName?.startsWith('@') ? `${scopeOrName}/${name}` : (scopeOrName ?? url);
  }
  if (url.startsWith('node:')) return 'node internals';
  if (url.startsWith(root)) return path.relative(root, url).split(path.sep).slice(0, 2).join('/');
  return url;
}

/** An instant of the monotonic clock in microseconds, comparable with a child's profile. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Self time per place over every profile in `dir`, largest first; idle time is left out. With
 * `window` (from `monotonicMicros`), only samples taken inside it count: the measured load, not
 * the start-up.
 */
export interface ProfileSummary {
  readonly busyMs: number;
  /** Self time by the place of the frame itself. */
  readonly shares: readonly ProfileShare[];
  /** The same time with native code and Node's internals charged to the package or app folder that called them. */
  readonly callers: readonly ProfileShare[];
  readonly functions: readonly ProfileShare[];
}

const NOT_A_CALLER = new Set(['(native)', 'node internals']);

export function summariseProfiles(dir: string, root: string, window?: { readonly from: number; readonly to: number }): ProfileSummary {
  const totals = new Map<string, number>();
  const callers = new Map<string, number>();
  const functions = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const callerOf = (node: ProfileNode): string => {
      for (let current: ProfileNode | undefined = node; current; current = nodes.get(parents.get(current.id) ?? -1)) {
        const place = placeOf(current.callFrame, root);
        if (!NOT_A_CALLER.has(place)) return place;
      }
      return placeOf(node.callFrame, root);
    };
    let at = profile.startTime;
    profile.samples.forEach((id, index) => {
      at += profile.timeDeltas[index] ?? 0;
      if (window && (at < window.from || at > window.to)) return;
      const node = nodes.get(id);
      if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
      const place = placeOf(node.callFrame, root);
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      add(totals, place, ms);
      add(callers, callerOf(node), ms);
      add(functions, `${node.callFrame.functionName || '(anonymous)'} · ${place}`, ms);
    });
  }
  const busyMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const rank = (map: Map<string, number>) => [...map.entries()].map(([place, ms]) => ({ place, ms, share: ms / busyMs })).sort((a, b) => b.ms - a.ms);
  return { busyMs, shares: rank(totals), callers: rank(callers), functions: rank(functions) };
}
