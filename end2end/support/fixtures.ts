import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { DedicatedServer, freePort } from './server';

/**
 * Every journey imports `test` and `expect` from here. With VECHE_SERVER_BIN set (scripts/test.sh),
 * each Playwright worker starts its own reference server on a fresh demo database, with its own
 * SMTP server (aiosmtpd, a Maildir the journeys read their links from) and its own OpenID Connect
 * provider, as scripts/test.sh's shared ones were; it stops them when the worker ends. So no
 * journey meets what a journey in another worker did, and a failed one runs alone again
 * (`npx playwright test … -g 'name'`): Playwright starts a new worker, on a new database, after a
 * failure. Without VECHE_SERVER_BIN (the conformance kit against any backend) the journeys use
 * VECHE_URL, VECHE_MAILDIR and VECHE_TEST_OIDC_ISSUER as given.
 *
 * The worker's addresses are also put into its environment (VECHE_URL, VECHE_MAILDIR,
 * VECHE_TEST_OIDC_ISSUER), where the support modules read them when they are called.
 */
export interface Backend {
  url: string;
}

const REPO = path.resolve(__dirname, '..', '..');

/** The Python with aiosmtpd: VECHE_PYTHON, the set-up's venv, or the one on PATH. */
function python(): string {
  if (process.env.VECHE_PYTHON) return process.env.VECHE_PYTHON;
  const cache = process.env.VECHE_CACHE ?? path.join(homedir(), '.cache', 'veche');
  const venv = path.join(cache, 'venv', 'bin', 'python3');
  return existsSync(venv) ? venv : 'python3';
}

async function until(what: string, ready: () => Promise<boolean>, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start within a minute:\n${log()}`);
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** A helper process of the worker's, its output in `log`. */
function helper(command: string, args: string[], log: string): ChildProcess {
  const out = openSync(log, 'a');
  const child = spawn(command, args, { stdio: ['ignore', out, out] });
  closeSync(out);
  return child;
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** The worker's own server, SMTP server and identity provider. */
async function ownBackend(use: (backend: Backend) => Promise<void>): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), 'veche-worker-'));
  const maildir = path.join(directory, 'maildir');
  const [port, smtpPort, oidcPort] = [await freePort(), await freePort(), await freePort()];
  const smtpLog = path.join(directory, 'smtp.log');
  const oidcLog = path.join(directory, 'oidc.log');
  const helpers: ChildProcess[] = [];
  let server: DedicatedServer | undefined;
  try {
    helpers.push(
      helper(python(), ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${smtpPort}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], smtpLog),
    );
    helpers.push(
      helper(
        process.execPath,
        [path.join(REPO, 'end2end', 'support', 'oidc-provider.mjs'), String(oidcPort), `http://127.0.0.1:${port}/api/v1/auth/oidc/oidc/callback`],
        oidcLog,
      ),
    );
    await until('the test SMTP server', () => listening(smtpPort), () => read(smtpLog));
    await until('the test identity provider', async () => /^ready /m.test(read(oidcLog)), () => read(oidcLog));
    server = await DedicatedServer.create({
      port,
      directory,
      env: { VECHE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, VECHE_MAIL_RETRY_SECONDS: '1' },
    });
    await server.start();
    process.env.VECHE_URL = server.url;
    process.env.VECHE_MAILDIR = maildir;
    process.env.VECHE_TEST_OIDC_ISSUER = `http://127.0.0.1:${oidcPort}`;
    await use({ url: server.url });
  } finally {
    await server?.stop();
    await Promise.all(helpers.map(stopped));
    rmSync(directory, { recursive: true, force: true });
  }
}

export const test = base.extend<object, { backend: Backend }>({
  backend: [
    async ({}, use) => {
      if (process.env.VECHE_SERVER_BIN) {
        await ownBackend(use);
      } else {
        await use({ url: process.env.VECHE_URL ?? 'http://127.0.0.1:18080' });
      }
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ backend }, use) => {
    await use(backend.url);
  },
});

export { expect } from '@playwright/test';

/**
 * Journeys on a dedicated server: `server` is started before the test, the pages' relative
 * addresses go to it, and it is stopped (its files removed) after the test.
 */
export const serverTest = test.extend<{ server: DedicatedServer }>({
  server: async ({}, use, testInfo) => {
    const server = await DedicatedServer.create();
    try {
      await server.start();
      await use(server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server.log', { body: server.log(), contentType: 'text/plain' });
      }
      await server.dispose();
    }
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

/** The address of the server the journeys in this worker use. */
export function vecheUrl(): string {
  return process.env.VECHE_URL ?? 'http://127.0.0.1:18080';
}
