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
// Each run opens the thread in a fresh browser context (empty HTTP cache, nothing in storage;
// the cache is not disabled, so what index.html preloads is used, as in a real first visit)
// and records, from the navigation's start:
//   - first reply: when the first reply of the list is in the DOM (a MutationObserver installed
//     before the page's own scripts notes performance.now()),
//   - DOMContentLoaded from the navigation timing entry,
//   - requests and bytes transferred (encodedDataLength of every finished response, headers
//     included, compressed as sent), counted until the network has been idle for 500 ms, also
//     split by kind (page/JS/CSS, main wasm, lazy wasm chunks, API).
// It prints one row per run and the medians.
//
// In the same run, alternating with the app, it opens a plain page written by hand in
// JavaScript (served by this script at /__plain-thread/<id> on the same origin, with the app's
// stylesheets) that fetches the same JSON and builds the same first page of replies with DOM
// calls (text as paragraphs, no markdown), and reports how many times longer the app takes:
// to the first reply from the navigation's start (goal ≤ 1.3; exits 1 over it), and from the
// replies' JSON having arrived (the rendering alone). Timings on a shared two-core machine swing;
// compare medians of the same run.
import { chromium } from 'playwright-core';

const MEGATHREAD = 'Release 5.0 megathread: questions and first impressions';
const FIRST_REPLY = '.reply-list .post';
/** What the transferred bytes were spent on. */
const KINDS = ['page, JS, CSS', 'main wasm', 'lazy wasm chunks', 'API', 'other'];

function kindOf(url) {
  const path = new URL(url).pathname;
  if (path.startsWith('/api/')) return 'API';
  if (path.endsWith('.wasm')) return 'main wasm';
  if (path.endsWith('.bin')) return 'lazy wasm chunks';
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

/** A hand-written page that shows the thread's first page of replies from the API's JSON. */
function plainPage(threadId, stylesheets) {
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Thread</title>${links}</head><body><main class="main" id="main"></main><script>
(async () => {
  const api = (path) => fetch('/api/v1' + path, { credentials: 'same-origin' }).then((r) => r.json());
  const [thread, replies] = await Promise.all([api('/threads/${threadId}'), api('/threads/${threadId}/replies')]);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
  const body = (markdown) => {
    const box = el('div', 'post__body markdown');
    for (const part of markdown.split(/\\n\\s*\\n/)) box.append(el('p', '', part));
    return box;
  };
  const main = document.getElementById('main');
  main.append(el('h1', 'thread__title', thread.title), body(thread.body ?? ''));
  const list = el('ol', 'reply-list');
  for (const reply of replies.items) {
    const item = el('li');
    const post = el('article', 'post');
    const header = el('header', 'post__header');
    const author = el('a', 'post__author', reply.author.display_name);
    author.href = '/members/' + reply.author.handle;
    const time = el('time', 'post__time', when.format(new Date(reply.created_at)));
    time.dateTime = reply.created_at;
    header.append(el('span', 'avatar', reply.author.display_name.slice(0, 1)), author, time);
    const footer = el('footer', 'post__actions');
    const kudos = el('button', 'kudos__button');
    kudos.type = 'button';
    kudos.setAttribute('aria-pressed', String(reply.kudos_given));
    kudos.append(el('span', '', '♥ '), el('span', 'kudos__count', String(reply.kudos_count)));
    const quote = el('button', 'button button--ghost', 'Quote');
    quote.type = 'button';
    footer.append(kudos, quote);
    post.append(header, body(reply.body), footer);
    item.append(post);
    list.append(item);
  }
  main.append(list);
})();
</script></body></html>`;
}

async function measure(browser, url, plain) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  if (plain) await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: plain }));
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
    const replies = performance.getEntriesByType('resource').find((e) => /\/replies(\?|$)/.test(e.name));
    return {
      firstReply: window.__firstReplyAt,
      render: window.__firstReplyAt - (replies?.responseEnd ?? NaN),
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

  const html = await (await fetch(`${base}/`)).text();
  const stylesheets = [...html.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*href="?([^" >]+\.css)/g)].map((m) => m[1]);
  const plain = plainPage(thread.id, [...stylesheets, '/sections.css']);
  const plainUrl = `${base}/__plain-thread/${thread.id}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const results = [];
  const plainResults = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      results.push(await measure(browser, url));
      plainResults.push(await measure(browser, plainUrl, plain));
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

  // The app against the hand-written page, medians of the same run.
  const GOAL = 1.3;
  const appFirst = median(results.map((r) => r.firstReply));
  const plainFirst = median(plainResults.map((r) => r.firstReply));
  const appRender = median(results.map((r) => r.render));
  const plainRender = median(plainResults.map((r) => r.render));
  console.log('\nThe same first page of replies built by a hand-written JavaScript page (medians):');
  console.log(`  first reply from the navigation's start: app ${appFirst.toFixed(0)} ms, plain ${plainFirst.toFixed(0)} ms, ratio ${(appFirst / plainFirst).toFixed(2)} (goal ≤ ${GOAL})`);
  console.log(`  first reply from the replies' JSON:      app ${appRender.toFixed(0)} ms, plain ${plainRender.toFixed(0)} ms, ratio ${(appRender / Math.max(plainRender, 1)).toFixed(2)}`);
  console.log(`  replies shown: app ${median(results.map((r) => r.replies))}, plain ${median(plainResults.map((r) => r.replies))}`);
  process.exitCode = appFirst / plainFirst <= GOAL ? 0 : 1;
}

await main();
