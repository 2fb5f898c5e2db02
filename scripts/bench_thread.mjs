#!/usr/bin/env node
// Benchmark: opening the demo community's 1,200-reply thread with a cold cache.
//
//   node scripts/bench_thread.mjs [server-url] [runs]      (or `make bench`)
//
// Needs a running reference server with the demo data — `make run` serves one on
// http://127.0.0.1:8080 — and builds or starts nothing itself. The URL is the first argument,
// else VECHE_URL, else http://127.0.0.1:8080; runs is the second argument, else BENCH_RUNS,
// else 5. Chromium comes from Debian (/usr/bin/chromium, or CHROMIUM_PATH).
//
// Each run opens the thread in a fresh browser context (empty HTTP cache, nothing in storage)
// and records, from the navigation's start:
//   - first reply: when the first reply of the list is in the DOM (a MutationObserver installed
//     before the page's own scripts notes performance.now()),
//   - DOMContentLoaded from the navigation timing entry,
//   - requests and bytes transferred (encodedDataLength of every finished response, headers
//     included, compressed as sent), counted until the network has been idle for 500 ms, also
//     split by kind (page/JS/CSS, main wasm, lazy wasm chunks, API).
// It prints one row per run and the medians. A measurement, not a test: it exits 0 whatever the
// figures (1 only when the server cannot be reached or the thread is missing). Timings on a
// shared two-core machine swing; compare medians of the same machine.
import { chromium } from 'playwright-core';

const MEGATHREAD = 'Release 5.0 megathread: questions and first impressions';
const FIRST_REPLY = '.reply-list .post';
/** What the transferred bytes were spent on. */
const KINDS = ['page, JS, CSS', 'main wasm', 'lazy wasm chunks', 'API', 'other'];

function kindOf(url) {
  const path = new URL(url).pathname;
  if (path.startsWith('/api/')) return 'API';
  if (path.endsWith('.wasm')) return /^\/(chunk_|split_)/.test(path) ? 'lazy wasm chunks' : 'main wasm';
  if (path.endsWith('.js') || path.endsWith('.css') || !/\.[a-z0-9]+$/i.test(path)) return 'page, JS, CSS';
  return 'other';
}

const base = (process.argv[2] ?? process.env.VECHE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const runs = Number(process.argv[3] ?? process.env.BENCH_RUNS ?? 5);

async function megathreadId() {
  let cursor = '';
  for (;;) {
    const response = await fetch(`${base}/api/v1/threads?limit=100${cursor && `&cursor=${encodeURIComponent(cursor)}`}`);
    if (!response.ok) throw new Error(`GET /threads answered ${response.status}`);
    const page = await response.json();
    const found = page.items.find((thread) => thread.title === MEGATHREAD);
    if (found) return found;
    if (!page.next_cursor) throw new Error(`no thread titled "${MEGATHREAD}" (is the demo data loaded?)`);
    cursor = page.next_cursor;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript((selector) => {
    const seen = () => {
      if (document.querySelector(selector)) {
        window.__firstReplyAt = performance.now();
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(() => seen() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true });
  }, FIRST_REPLY);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', (event) => requests.set(event.requestId, kindOf(event.request.url)));
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    byKind[requests.get(event.requestId) ?? 'other'] += event.encodedDataLength;
  });

  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(FIRST_REPLY, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    return {
      firstReply: window.__firstReplyAt,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      replies: document.querySelectorAll('.reply-list > li').length,
    };
  });
  await context.close();
  return { ...timing, requests: requests.size, bytes, byKind };
}

async function main() {
  let thread;
  try {
    thread = await megathreadId();
  } catch (error) {
    console.error(`bench_thread: cannot use ${base}: ${error.message}`);
    console.error('Start a server with demo data first, e.g. `make run`.');
    process.exit(1);
  }
  const url = `${base}/threads/${thread.id}`;
  console.log(`Opening "${MEGATHREAD}" (${thread.reply_count} replies) at ${url}, ${runs} cold runs\n`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const results = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      results.push(await measure(browser, url));
    }
  } finally {
    await browser.close();
  }

  const rows = results.map((r, i) => [
    String(i + 1),
    r.firstReply.toFixed(0),
    r.domContentLoaded.toFixed(0),
    String(r.requests),
    (r.bytes / 1024).toFixed(1),
    String(r.replies),
  ]);
  rows.push([
    'median',
    median(results.map((r) => r.firstReply)).toFixed(0),
    median(results.map((r) => r.domContentLoaded)).toFixed(0),
    String(median(results.map((r) => r.requests))),
    (median(results.map((r) => r.bytes)) / 1024).toFixed(1),
    String(median(results.map((r) => r.replies))),
  ]);
  const header = ['run', 'first reply ms', 'DOMContentLoaded ms', 'requests', 'transferred KB', 'replies shown'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row, i) => {
    if (i === rows.length - 1) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    console.log(line(row));
  });

  console.log('\nTransferred, median by kind:');
  const kindWidth = Math.max(...KINDS.map((kind) => kind.length));
  for (const kind of KINDS) {
    const kb = median(results.map((r) => r.byKind[kind])) / 1024;
    console.log(`  ${kind.padEnd(kindWidth)}  ${kb.toFixed(1).padStart(7)} KB`);
  }
}

await main();
