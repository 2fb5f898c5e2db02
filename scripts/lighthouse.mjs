#!/usr/bin/env node
// Lighthouse on Veche's pages as members arrive on them from a link, as a phone sees them
// (Lighthouse's default mobile profile: a mid-range phone on a slow 4G link, simulated), against
// the budget: performance ≥ 95, no layout shift, largest contentful paint ≤ 2.0 s. The pages: the
// lists, the 1,200-reply demo thread, an idea, an event, a profile, the knowledge base and an
// article (the first of each in the demo data). Prints the machine's load average with the
// figures: on a shared machine they swing with it.
//
//   node scripts/lighthouse.mjs [server-url] [runs]      (or `make lighthouse`)
//
// Needs a running reference server with the release build and the demo data (`make run` serves
// one on http://127.0.0.1:8080); it starts nothing itself. Chromium comes from Debian
// (/usr/bin/chromium, or CHROMIUM_PATH). Each page is measured `runs` times (default 3) in a fresh
// headless Chromium and the median score counts. Prints one row per page and exits 1 when a
// page misses the budget: a measurement to run before a release, not part of `make test`
// (timings on a shared machine swing).
import { loadavg } from 'node:os';
import { firstItem, upcomingEvent } from './demo_lookup.mjs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const MEGATHREAD = 'Release 5.0 megathread: questions and first impressions';
const MIN_SCORE = 95;
const MAX_CLS = 0.01;
const MAX_LCP_MS = 2000;

const base = (process.argv[2] ?? process.env.VECHE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const runs = Number(process.argv[3] ?? process.env.LIGHTHOUSE_RUNS ?? 3);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function measure(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
    };
  } finally {
    await chrome.kill();
  }
}

try {
  const health = await fetch(`${base}/api/v1/health`);
  if (!health.ok) throw new Error(`health answered ${health.status}`);
} catch (error) {
  console.error(`No Veche server at ${base} (${error.message}). Start one with \`make run\`.`);
  process.exit(1);
}

const kb = await (await fetch(`${base}/api/v1/kb`)).json();
const article = kb.sections.flatMap((section) => section.articles)[0];
const PAGES = [
  '/',
  '/threads',
  `/threads/${(await firstItem(base, 'threads', (t) => t.title === MEGATHREAD)).id}`,
  '/ideas',
  `/ideas/${(await firstItem(base, 'ideas')).id}`,
  '/events',
  `/events/${await upcomingEvent(base)}`,
  '/members',
  `/members/${(await firstItem(base, "members")).member.handle}`,
  '/kb',
  `/kb/articles/${article.id}`,
];

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`Lighthouse, mobile profile, median of ${runs} per page, ${base} (load average ${load()})`);
console.log('page                  score   FCP ms   LCP ms   TBT ms   CLS');
let failed = false;
for (const page of PAGES) {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await measure(`${base}${page}`));
  const row = Object.fromEntries(Object.keys(results[0]).map((key) => [key, median(results.map((r) => r[key]))]));
  const ok = row.score >= MIN_SCORE && row.cls <= MAX_CLS && row.lcp <= MAX_LCP_MS;
  failed ||= !ok;
  console.log(
    `${page.padEnd(20)} ${String(row.score).padStart(6)} ${row.fcp.toFixed(0).padStart(8)} ${row.lcp.toFixed(0).padStart(8)} ` +
      `${row.tbt.toFixed(0).padStart(8)} ${row.cls.toFixed(3).padStart(6)}${ok ? '' : '   over budget'}`,
  );
}
console.log(`(load average ${load()} at the end)`);
console.log(
  failed
    ? `Some pages miss the budget (score ≥ ${MIN_SCORE}, CLS ≤ ${MAX_CLS}, LCP ≤ ${MAX_LCP_MS} ms).`
    : 'Every page is within budget.',
);
process.exit(failed ? 1 : 0);
