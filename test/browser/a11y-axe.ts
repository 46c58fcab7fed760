import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, evaluated in the page (page.evaluate is not subject to the page's CSP). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 AA rule set the issue asks for. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core on the whole document with the WCAG 2.2 AA tags (or only `rules`); returns the
 * violations. A contrast-only run leaves out the charts' `<svg role="img">` (axe cannot judge text
 * drawn over marks and reports it as incomplete, not as a pass or a violation), which halves its time.
 */
export async function runAxe(page: Page, rules?: readonly string[]): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;0`);
  return page.evaluate(async ({ tags, rules }) => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document | object, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags };
    const context = rules ? { include: [['body']], exclude: [['svg[role="img"]']] } : document;
    const result = await axe.run(context, { runOnly, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 6).map((node) => ({ target: node.target.map(String).join(' '), summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240) })),
    }));
  }, { tags: [...WCAG_TAGS], rules: rules ? [...rules] : null });
}

/** One line per violation and node, for the test's failure message and the report. */
export function describeViolations(label: string, violations: AxeViolation[]): string {
  return violations
    .map((violation) => `${label} ${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `    ${node.target} — ${node.summary}`).join('\n')}`)
    .join('\n');
}
