// The built app (dist/) on one origin with any backend's API, as a static host in front of it
// would serve them: for the contract's mock (scripts/mock-test.sh) and for the conformance kit's
// journeys against a backend that does not serve the app itself (scripts/conformance.sh).
//
//   node end2end/support/app-proxy.mjs <port> <API base URL> [dist directory] [--play-roles]
//
// - Files of dist/ are served as a static host would, with index.html for every other address.
// - /api/v1/<path> goes to <API base URL>/<path>; cookies the backend sets lose their Domain
//   (they belong to this origin now).
// - --play-roles (for Prism, whose random `GET /auth/me` cannot be told who is signed in): the
//   role a test acts as comes from the `veche_mock_role` cookie (guest, member or staff); the
//   proxy answers `GET /auth/me` with a member of that access and sends the credentials the
//   contract asks for (a session cookie, the CSRF token) with a signed-in role's requests, so
//   Prism's security checks pass. Everything else is Prism's random data, valid by the contract.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';

const playRoles = process.argv.includes('--play-roles');
const [port, apiBase, distArgument] = process.argv.slice(2).filter((argument) => argument !== '--play-roles');
if (!port || !apiBase) {
  console.error('usage: node end2end/support/app-proxy.mjs <port> <API base URL> [dist] [--play-roles]');
  process.exit(2);
}
const upstreamBase = new URL(apiBase.endsWith('/') ? apiBase : `${apiBase}/`);
const transport = upstreamBase.protocol === 'https:' ? https : http;
const dist = path.resolve(distArgument ?? path.join(import.meta.dirname, '..', '..', 'dist'));
const API = '/api/v1';
const CSRF = 'mock-csrf-token';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.bin': 'application/octet-stream', '.webmanifest': 'application/manifest+json',
};

function role(request) {
  const match = /(?:^|;\s*)veche_mock_role=(guest|member|staff)/.exec(request.headers.cookie ?? '');
  return match ? match[1] : 'guest';
}

function session(who) {
  const account = who === 'guest' ? null : {
    member: {
      id: 'mock-1', handle: `mock-${who}`, display_name: `Mock ${who}`, role: 'member',
      access: who === 'staff' ? 'staff' : 'member', reputation: 12,
    },
    email: `mock-${who}@example.com`,
    locale: 'en',
  };
  return { account, csrf_token: CSRF };
}

function proxy(request, response, who) {
  const headers = { ...request.headers, host: upstreamBase.host };
  if (playRoles) {
    delete headers.cookie;
    if (who !== 'guest') {
      headers.cookie = 'veche_session=mock-session';
      headers['x-csrf-token'] = CSRF;
    }
  }
  // A backend on another origin may check Origin: the app's requests come from the proxy's.
  delete headers.origin;
  delete headers.referer;
  const target = new URL(request.url.slice(API.length + 1), upstreamBase);
  const upstream = transport.request(target, { method: request.method, headers }, (answer) => {
    const cookies = answer.headers['set-cookie'];
    if (cookies) answer.headers['set-cookie'] = cookies.map((cookie) => cookie.replace(/;\s*Domain=[^;]*/gi, ''));
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', (error) => {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`the API at ${upstreamBase} did not answer: ${error.message}`);
  });
  request.pipe(upstream);
}

function serveFile(request, response) {
  const address = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  let file = path.join(dist, path.normalize(address).replace(/^(\.\.[/\\])+/, ''));
  const isFile = (candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  };
  if (!file.startsWith(dist) || !isFile(file)) {
    // Addresses of the app (and a directory's own index.html, as for the survey frame).
    file = isFile(path.join(file, 'index.html')) ? path.join(file, 'index.html') : path.join(dist, 'index.html');
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(response);
}

http
  .createServer((request, response) => {
    const who = role(request);
    if (playRoles && request.url === `${API}/auth/me` && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(session(who)));
    } else if (request.url.startsWith(`${API}/`)) {
      proxy(request, response, who);
    } else {
      serveFile(request, response);
    }
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`the app on http://127.0.0.1:${port}, its API ${upstreamBase}, files from ${dist}`));
