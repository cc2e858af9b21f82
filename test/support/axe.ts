import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core in the page under test, WCAG 2.2 level A and AA rules. The browser context must be
 * created with `bypassCSP: true`: the hub's CSP rightly refuses inline scripts.
 */
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly {
    readonly target: readonly string[];
    readonly failureSummary?: string;
  }[];
}

interface AxeSummary {
  readonly violations: AxeViolation[];
  readonly passes: number;
  /** Rules axe could not decide (e.g. contrast over an image), for a person to check. */
  readonly incomplete: readonly string[];
}

/** One line per surface and state checked, printed at the end of the run for the report. */
export const axeLog: string[] = [];

export async function runAxe(page: Page, label: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axeSource });
  }
  // Animations (the board's flash, the countdown bar) end first, so colours are measured as seen.
  await page
    .evaluate(() =>
      Promise.all(document.getAnimations().map((a) => (a.finish(), a.finished.catch(() => null)))),
    )
    .catch(() => undefined);
  const result = await page.evaluate(async (tags) => {
    type Axe = {
      run(
        context: Document,
        options: object,
      ): Promise<{
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: string[]; failureSummary?: string }[];
        }[];
        passes: unknown[];
        incomplete: unknown[];
      }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
      passes: r.passes.length,
      incomplete: r.incomplete.map((v) => (v as { id: string }).id),
    };
  }, TAGS);
  const summary = result as AxeSummary;
  const line = `[axe] ${label.padEnd(34)} ${summary.violations.length} violations, ${summary.passes} rules passed, ${summary.incomplete.length} to review${summary.incomplete.length ? ` (${summary.incomplete.join(', ')})` : ''}`;
  axeLog.push(line);
  if (summary.violations.length > 0) console.log(line);
  for (const v of summary.violations) {
    console.log(`      ${v.id} (${v.impact ?? '?'}): ${v.help}`);
    for (const n of v.nodes.slice(0, 5))
      console.log(`        ${n.target.join(' ')}  ${n.failureSummary ?? ''}`);
  }
  return summary.violations;
}

/** Touch targets of the page's buttons and links smaller than `min` CSS px (WCAG 2.5.8, and the kiosk's own 48 px rule). */
export async function smallTargets(page: Page, min: number, scope = 'body'): Promise<string[]> {
  return page.evaluate(
    ({ min, scope }) =>
      [...document.querySelectorAll(`${scope} button, ${scope} a[href], ${scope} [role="button"]`)]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          if (style.visibility === 'hidden' || style.display === 'none' || r.width === 0)
            return false;
          return r.width < min || r.height < min;
        })
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30)}] ${Math.round(el.getBoundingClientRect().width)}x${Math.round(el.getBoundingClientRect().height)}`,
        ),
    { min, scope },
  );
}
