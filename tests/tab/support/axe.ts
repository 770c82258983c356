import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** JIS X 8341-3:2016 adopts WCAG 2.0; level AA (and the 2.1 A/AA rules axe knows) is the target. */
export const ACCESSIBILITY_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { target: readonly string[]; failureSummary?: string }[];
}

/**
 * Fluent UI's focus manager (Tabster) puts invisible `<i tabindex="0" aria-hidden="true"
 * data-tabster-dummy>` sentinels around arrow-key groups such as a TabList; they pass focus on at
 * once and never hold it, so they are left out of the check. Everything else is checked.
 *
 * Runs axe-core in the page (its source evaluated over the DevTools protocol, so the tab's CSP
 * does not have to allow it) and returns the violations, short enough to read in a test failure.
 */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: object, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, ACCESSIBILITY_TAGS);
  return violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`.slice(0, 300)),
  }));
}
