import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact?: string | null;
    help: string;
    nodes: Array<{ target: unknown[] }>;
  }>;
}

/**
 * Runs axe-core (WCAG 2 A/AA rules) on what the page shows now, or inside `scope` (a CSS selector
 * such as a dialog), and returns the serious and critical violations. The page's CSP forbids
 * inline scripts, so axe is evaluated through the DevTools protocol rather than a script tag.
 */
export async function a11yViolations(page: Page, scope?: string): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(async (selector) => {
    // Runs in the page; the Node-side tsconfig has no DOM types, so the page's globals are typed here.
    const page = globalThis as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> };
      document: unknown;
    };
    return page.axe.run(selector ?? page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
  }, scope ?? null)) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.slice(0, 8).map((n) => n.target.map(String).join(' ')),
    }));
}

/** Fails with a readable list when axe finds serious or critical violations. */
export async function expectAccessible(page: Page, label: string, scope?: string): Promise<void> {
  const violations = await a11yViolations(page, scope);
  if (violations.length === 0) return;
  const lines = violations.map((v) => `  ${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join('\n    ')}`);
  throw new Error(`Accessibility violations on ${label}:\n${lines.join('\n')}`);
}
