// Veche's service worker: the app opens and the pages a member saw read without a network.
// Hand-written and small; how it caches, and how to change it: DEVELOPERS.md, "Offline".
//
// - The build (scripts/split_wasm.py) writes BUILD below: this version's name and its files
//   (index.html, the main module, styles, the code map and every navigation file). They are
//   cached when the worker installs, in a cache of their own per version; the pages' cold packs
//   are cached on first use. Hashed files answer from any version's cache, so a tab still on the
//   previous version gets its own code; the two latest versions are kept.
// - API GET answers (same origin, /api/) go to the network first; a good answer is kept in the
//   cache of the account that asked (`veche-api-<member id>` or `veche-api-guest`), and served
//   from there only when the network fails, with a message to the page (public/offline.js shows
//   "Offline — showing what you saw at …"). The account is whatever /auth/me answers; signing
//   out (or deleting the account) drops its cache.
// - Writes are not touched: the app's outbox sends them, with their Idempotency-Key.
const BUILD = { version: 'dev', files: [] };

const API = '/api/';
const ME = '/api/v1/auth/me';
const SHELL = 'veche-shell-';
const ACCOUNT_CACHE = 'veche-api-';
const META = 'veche-meta';
const SAVED_AT = 'x-veche-saved-at';
const KEEP_VERSIONS = 2;
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;

// The account the cookie belongs to, as the server last said (persisted in META for offline
// starts); `confirmed` is false until /auth/me has answered since the last page load or
// sign-in, so nothing is stored for an account the server has not vouched for.
let account;
let confirmed = false;
let checking = null;
// Bumped on every change of account: an answer that was in flight across one is not kept.
let generation = 0;

const meta = (key) => new Request(`/__veche/${key}`);
async function readMeta(key) {
  const answer = await (await caches.open(META)).match(meta(key));
  return answer ? answer.json() : undefined;
}
async function writeMeta(key, value) {
  await (await caches.open(META)).put(meta(key), new Response(JSON.stringify(value)));
}

async function knownAccount() {
  if (account === undefined) account = (await readMeta('account')) ?? null;
  return account;
}

async function setAccount(next) {
  // From "not known" to an account is no change: answers in flight were asked by that cookie.
  if ((await knownAccount()) && next !== account) generation += 1;
  account = next;
  confirmed = true;
  await writeMeta('account', next);
}

/** The key of the account in a Session answer. */
function accountOf(session) {
  const member = session && session.account && session.account.member;
  return member ? `m${member.id ?? member.handle}` : 'guest';
}

/** Asks the server who this browser is signed in as (once at a time). */
function confirmAccount() {
  checking ??= fetch(ME, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then((answer) => (answer.ok ? answer.json() : Promise.reject(new Error(`${answer.status}`))))
    .then((session) => setAccount(accountOf(session)))
    .finally(() => (checking = null));
  return checking;
}

/** Forgets who is signed in (nothing is answered from a cache until the server says again);
 * signing out (`drop`) also deletes everything cached for them, and leaves a guest. */
async function forgetAccount(drop) {
  const previous = await knownAccount();
  generation += 1;
  confirmed = false;
  account = drop ? 'guest' : null;
  await writeMeta('account', account);
  if (drop && previous) await caches.delete(ACCOUNT_CACHE + previous);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL + BUILD.version);
      await cache.addAll(BUILD.files.map((file) => new Request(file, { cache: 'reload' })));
      // The first version takes over at once; a later one waits for the member's "Reload".
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const versions = ((await readMeta('versions')) ?? []).filter((v) => v !== BUILD.version);
      versions.push(BUILD.version);
      const kept = versions.slice(-KEEP_VERSIONS);
      await writeMeta('versions', kept);
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL) && !kept.includes(name.slice(SHELL.length))) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'veche-skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // The survey frame lives in other sites' pages and has its own budget: left alone.
  if (url.origin !== location.origin || url.pathname.startsWith('/embed/')) return;
  if (url.pathname.startsWith(API)) {
    if (request.method === 'GET' && request.mode !== 'navigate') {
      event.respondWith(apiGet(event, url));
    } else if (request.method !== 'GET' && /\/(auth|account)\//.test(url.pathname)) {
      // Signing in, out, registering, deleting: who the cookie belongs to may change. Signing
      // out or deleting the account drops what was cached for it, whatever the answer.
      const leaving = /\/auth\/logout$|\/account\/deletion$/.test(url.pathname);
      event.waitUntil(forgetAccount(leaving));
    }
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (BUILD.files.includes(url.pathname) || HASHED.test(url.pathname)) {
    event.respondWith(appFile(request));
  }
});

/** A page of the app: the network's index.html, or this version's when offline. */
async function page(request) {
  // A new page load: check again who is signed in before keeping anything for them.
  confirmed = false;
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await (await caches.open(SHELL + BUILD.version)).match('/');
    if (cached) return cached;
    throw error;
  }
}

/** The app's own files: this version's, else (a hashed file an older tab asks for) any kept
 * version's, else fetched and kept with this version. */
async function appFile(request) {
  const own = await (await caches.open(SHELL + BUILD.version)).match(request, { ignoreSearch: true });
  const cached = own ?? (await caches.match(request, { ignoreSearch: true }));
  if (cached) return cached;
  const answer = await fetch(request);
  const type = answer.headers.get('content-type') || '';
  // A missing file comes back as index.html (the app's fallback): never keep that as code.
  if (answer.ok && !type.startsWith('text/html')) {
    const copy = answer.clone();
    caches.open(SHELL + BUILD.version).then((cache) => cache.put(request, copy));
  }
  return answer;
}

async function apiGet(event, url) {
  const request = event.request;
  const startedIn = generation;
  let answer;
  try {
    answer = await fetch(request);
  } catch (error) {
    const saved = await fromCache(request);
    if (!saved) throw error;
    tell(event.clientId, { type: 'veche-offline', savedAt: Number(saved.headers.get(SAVED_AT)), failedAt: Date.now() });
    return saved;
  }
  tell(event.clientId, { type: 'veche-online' });
  event.waitUntil(keep(request, url, answer.clone(), startedIn));
  return answer;
}

async function fromCache(request) {
  const who = await knownAccount();
  if (!who) return undefined;
  const cache = await caches.open(ACCOUNT_CACHE + who);
  return cache.match(request, { ignoreVary: true });
}

/** Keeps a good JSON answer for the account that asked; drops the copy of one now refused. */
async function keep(request, url, answer, startedIn) {
  const type = answer.headers.get('content-type') || '';
  if (url.pathname === ME && answer.ok) {
    // This answer says whose it is: it is kept for that account.
    await setAccount(accountOf(await answer.clone().json()));
    startedIn = generation;
  } else if (!confirmed) {
    await confirmAccount().catch(() => {});
  }
  if (!confirmed || generation !== startedIn || !account) return;
  const cache = await caches.open(ACCOUNT_CACHE + account);
  if (answer.status === 200 && type.includes('json')) {
    const headers = new Headers(answer.headers);
    headers.set(SAVED_AT, String(Date.now()));
    const body = await answer.arrayBuffer();
    if (generation === startedIn) await cache.put(request, new Response(body, { status: 200, headers }));
  } else if ([401, 403, 404, 410].includes(answer.status)) {
    await cache.delete(request, { ignoreVary: true });
  }
}

async function tell(clientId, message) {
  const client = clientId && (await self.clients.get(clientId));
  if (client) client.postMessage(message);
}
