#!/usr/bin/env node
// Code fetched on a walk through the app in one tab, against the code those pages use.
//
//   node scripts/walk_code.mjs [server-url] [dist-dir]      (or `make walk`)
//
// Opens the home page with a cold cache, then follows links in the app (no reloads): threads →
// a thread → ideas → an idea → events → an event → a profile → the knowledge base → an article,
// waiting at each page until the network has been quiet for half a second. It counts every
// code response (JS, WASM, the page packs and navigation files, the code map, CSS) as sent over
// the wire (CDP's encodedDataLength: brotli as served, headers included), and compares the sum
// with the distinct code of those pages: the first load, the sections' stylesheet and every
// module the visited pages need, each once, compressed together (brotli 11) as if the browser
// had fetched each byte once in one stream. Goal: at most 1.15 times that; exits 1 over it.
//
// Needs a running reference server with the release build and the demo data (`make run`) and
// the dist/ that server serves (to know the distinct code). Chromium comes from Debian.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';

const GOAL = 1.15;
const base = (process.argv[2] ?? process.env.VECHE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const dist = process.argv[3] ?? process.env.VECHE_DIST ?? 'dist';

// Each step: what to click (the first link in the page whose address matches), from the page before.
const STEPS = [
  ['threads', /^\/threads$/],
  ['a thread', /^\/threads\/\d+$/],
  ['ideas', /^\/ideas$/],
  ['an idea', /^\/ideas\/\d+$/],
  ['events', /^\/events$/],
  ['an event', /^\/events\/\d+$/],
  ['a profile', /^\/members\/(?!leaderboard$|rules$)[a-z0-9_-]+$/],
  ['knowledge base', /^\/kb$/],
  ['an article', /^\/kb\/articles\/\d+$/],
];

const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    .length;

/** Modules by id, from the build's navigation files (`code_*.bin`). */
function modules() {
  const found = new Map();
  for (const name of readdirSync(dist).filter((n) => /^code_\d+-[0-9a-f]+\.bin$/.test(n))) {
    const bytes = readFileSync(join(dist, name));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    const number = () => view.getUint32((at += 4) - 4, true);
    for (let count = number(); count > 0; count--) {
      const id = number();
      const length = number();
      found.set(id, bytes.subarray(at, at + length));
      at += length;
    }
  }
  return found;
}

/** The pages (split points) whose code an address needs, as the router matches it. */
function pagesOf(codeMap, path) {
  const parts = path.split('/').filter(Boolean);
  const route = codeMap.routes.find(([segments]) => {
    const rest = segments.length > 0 && segments[segments.length - 1][0] === '*';
    const fixed = rest ? segments.slice(0, -1) : segments;
    return (rest ? parts.length >= fixed.length : parts.length === fixed.length) && fixed.every((s, i) => s[0] === ':' || s === parts[i]);
  });
  return route ? route[1] : [];
}

function distinctCode(visited) {
  const mapName = readdirSync(dist).find((n) => /^codemap-[0-9a-f]+\.json$/.test(n));
  if (!mapName) throw new Error(`no code map in ${dist}: build the app first (scripts/build-app.sh)`);
  const codeMap = JSON.parse(readFileSync(join(dist, mapName), 'utf8'));
  const html = readFileSync(join(dist, 'index.html'), 'utf8').replace(/<script>[\s\S]*?<\/script>/g, '');
  const firstLoad = [...new Set([...html.matchAll(/(?:href|src)="?\/([^"' >]+\.(?:css|js|wasm))/g)].map((m) => m[1]))];
  const loader = readdirSync(dist).find((n) => /^__wasm_split-[0-9a-f]+\.js$/.test(n));
  const files = [...new Set([...firstLoad, loader, 'sections.css'])];
  const ids = new Set(visited.flatMap((path) => pagesOf(codeMap, path)).flatMap((page) => codeMap.needs[page]));
  const all = modules();
  const code = Buffer.concat([...ids].sort((a, b) => a - b).map((id) => all.get(id)));
  const fileBytes = files.reduce((sum, name) => sum + brotli(readFileSync(join(dist, name))), 0);
  return { bytes: fileBytes + brotli(code), modules: ids.size, files };
}

const isCode = (url) => {
  const { pathname, origin } = new URL(url);
  return origin === base && !pathname.startsWith('/api/') && /\.(js|wasm|bin|css|json)$/.test(pathname);
};

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  let fetched = 0;
  const requests = [];
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => {
    const url = urls.get(event.requestId);
    if (url && isCode(url) && event.encodedDataLength > 0) {
      fetched += event.encodedDataLength;
      requests.push([new URL(url).pathname, event.encodedDataLength]);
    }
  });

  const rows = [];
  const visited = ['/'];
  let before = 0;
  try {
    await page.goto(`${base}/`);
    await page.waitForLoadState('networkidle');
    await page.locator('main a[href^="/threads/"]').first().waitFor({ timeout: 30_000 });
    rows.push(['home (opened cold)', '/', fetched]);
    before = fetched;
    for (const [label, pattern] of STEPS) {
      const href = await page.waitForFunction(
        (source) => {
          const wanted = new RegExp(source);
          return [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).find((h) => wanted.test(h)) ?? false;
        },
        pattern.source,
        { timeout: 30_000 },
      );
      const path = await href.jsonValue();
      await page.locator(`a[href="${path}"]`).first().click();
      await page.waitForURL(`${base}${path}`);
      await page.locator('main h1').first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      visited.push(path);
      rows.push([label, path, fetched - before]);
      before = fetched;
    }
  } finally {
    await browser.close();
  }

  const kb = (n) => (n / 1000).toFixed(1).padStart(8);
  console.log(`Code fetched on a walk through ${base} in one tab (cold cache, in-app navigation):\n`);
  for (const [label, path, bytes] of rows) console.log(`  ${label.padEnd(20)} ${path.padEnd(24)} ${kb(bytes)} KB`);
  console.log(`  ${'total'.padEnd(45)} ${kb(fetched)} KB in ${requests.length} responses`);
  if (process.env.WALK_VERBOSE) for (const [path, bytes] of requests) console.log(`    ${path} ${bytes}`);
  const distinct = distinctCode(visited);
  const ratio = fetched / distinct.bytes;
  console.log(`\nDistinct code of these pages (${distinct.modules} modules and ${distinct.files.length} files, each once, brotli): ${kb(distinct.bytes).trim()} KB`);
  console.log(`Fetched / distinct: ${ratio.toFixed(3)} (goal ≤ ${GOAL}): ${ratio <= GOAL ? 'ok' : 'OVER'}`);
  process.exit(ratio <= GOAL ? 0 : 1);
}

await main();
