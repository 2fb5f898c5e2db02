import AxeBuilder from '@axe-core/playwright';
import { expect, type Frame, type Page } from '@playwright/test';
import axe from 'axe-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function seriousViolations(results: axe.AxeResults): string[] {
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
}

/** Fails on any serious or critical accessibility violation (WCAG 2.x A and AA rules). */
export async function expectAccessible(page: Page, context = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(seriousViolations(results), `accessibility violations ${context} on ${page.url()}`).toEqual([]);
}

/**
 * The same inside one frame, which axe cannot find from the page when it sits in a closed shadow
 * root (the NPS embed): axe is run in the frame itself.
 */
export async function expectFrameAccessible(frame: Frame, context = ''): Promise<void> {
  await frame.evaluate(axe.source);
  const results = await frame.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  expect(seriousViolations(results), `accessibility violations ${context} in ${frame.url()}`).toEqual([]);
}
