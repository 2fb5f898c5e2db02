import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Every address of the app's route table, as guest, member and staff, against random data valid
// by the contract (Prism, one seed per run of this spec: scripts/mock-test.sh runs several). A
// page may show an error with a retry; it must never throw, trap ("unreachable") or leave the
// main area blank.

const DIST = path.resolve(__dirname, '..', '..', 'dist');
const SEED = process.env.VECHE_MOCK_SEED ?? '?';

/** The route table as the build wrote it (the code map's addresses), with made-up parameters. */
function addresses(): string[] {
  const map = readdirSync(DIST).find((name) => /^codemap-.*\.json$/.test(name));
  if (!map) throw new Error(`no code map in ${DIST}: build the app first (scripts/build-app.sh)`);
  const cold: Record<string, string> = JSON.parse(readFileSync(path.join(DIST, map), 'utf8')).cold;
  const filled = Object.keys(cold).map((address) =>
    address.replace(/:slug/g, 'mock-group').replace(/:handle/g, 'mock-member').replace(/:[a-z_]+/g, 'mock-1'),
  );
  return [...new Set(['/', ...filled])];
}

/** What went wrong on the page since the last call: uncaught errors and wasm traps. */
function watch(page: Page): () => string[] {
  let problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/unreachable|RuntimeError|panicked/i.test(text)) problems.push(`console: ${text}`);
  });
  return () => {
    const seen = problems;
    problems = [];
    return seen;
  };
}

/** Waits until the main area shows something other than the loading placeholder. */
async function mainText(page: Page): Promise<string> {
  const main = page.locator('main#main');
  let text = '';
  for (let waited = 0; waited < 10_000; waited += 100) {
    text = ((await main.textContent({ timeout: 1_000 }).catch(() => '')) ?? '').trim();
    const loading = await page.locator('main#main .loading').count();
    if (text && loading === 0) return text;
    await page.waitForTimeout(100);
  }
  return text;
}

for (const role of ['guest', 'member', 'staff'] as const) {
  test(`every route renders as ${role} (seed ${SEED})`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'veche_mock_role', value: role, url: baseURL! }]);
    const problems = watch(page);
    const failures: string[] = [];
    let fresh = true;
    for (const address of addresses()) {
      if (fresh) {
        await page.goto(address);
        fresh = false;
      } else {
        // In-app navigation, as a link does (a whole load per address would take minutes).
        await page.evaluate((to) => {
          history.pushState(null, '', to);
          dispatchEvent(new PopStateEvent('popstate', { state: null }));
        }, address);
      }
      const text = await mainText(page);
      const seen = problems();
      if (!text) seen.push('the main area is blank');
      if (text && (await page.locator('main#main .loading').count()) > 0) seen.push(`still loading after 10 s: ${text.slice(0, 80)}`);
      if (seen.length) {
        failures.push(`${address} as ${role}: ${seen.join('; ')}`);
        // A trap leaves the app dead: start the next address from a fresh load.
        fresh = true;
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
}
