import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
/** Ports other runs on this machine use (CI's `make test`, `make run`, shared journeys). */
const RESERVED_PORTS = new Set([8080, 18080, 18090, 18095]);

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
      });
    });
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

/** The built app in dist/, unless the run names another build. */
export function builtApp(): string {
  return process.env.VECHE_STATIC_DIR ?? path.join(REPO, 'dist');
}

/**
 * A reference server of one test's own, on a free port and a fresh demo database, for journeys
 * that stop and restart the server. Restarts keep the port and the database.
 */
export class DedicatedServer {
  readonly url: string;
  readonly database: string;
  private readonly logFile: string;
  private child?: ChildProcess;

  private constructor(
    readonly binary: string,
    readonly port: number,
    readonly directory: string,
    readonly staticDir: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.database = path.join(directory, 'veche.sqlite3');
    this.logFile = path.join(directory, 'server.log');
  }

  /** A server of the built app, or of the app in `staticDir`. */
  static async create(staticDir = builtApp()): Promise<DedicatedServer> {
    const binary = process.env.VECHE_SERVER_BIN;
    if (!binary) {
      throw new Error('VECHE_SERVER_BIN must name the veche-server binary (e.g. target/debug/veche-server)');
    }
    return new DedicatedServer(binary, await freePort(), mkdtempSync(path.join(tmpdir(), 'veche-e2e-')), staticDir);
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the server and waits until it answers its health check. */
  async start(): Promise<void> {
    if (this.child) throw new Error('the dedicated server is already running');
    const log = openSync(this.logFile, 'a');
    const child = spawn(this.binary, [], {
      env: {
        ...process.env,
        VECHE_ADDR: `127.0.0.1:${this.port}`,
        VECHE_DATABASE: this.database,
        VECHE_STATIC_DIR: this.staticDir,
        VECHE_AUTH_ATTEMPTS_PER_MINUTE: '100000',
        VECHE_WRITES_PER_MINUTE: '100000',
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.child = child;
    let exited: string | undefined;
    child.once('exit', (code, signal) => {
      exited = `exited with ${signal ?? code}`;
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (exited) {
        this.child = undefined;
        throw new Error(`the dedicated server ${exited}:\n${this.log()}`);
      }
      try {
        const response = await fetch(`${this.url}/api/v1/health`);
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop();
    throw new Error(`the dedicated server did not answer ${this.url}/api/v1/health within a minute:\n${this.log()}`);
  }

  /** Asks the server to stop (SIGTERM) and waits until the process has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  log(): string {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/**
 * Journeys on a dedicated server: `server` is started before the test, the pages' relative
 * addresses go to it, and it is stopped (its files removed) after the test.
 */
export const test = base.extend<{ server: DedicatedServer; staticDir: string }>({
  /** The app the server serves: the built one unless a test gives another. */
  staticDir: async ({}, use) => {
    await use(builtApp());
  },
  server: async ({ staticDir }, use, testInfo) => {
    const server = await DedicatedServer.create(staticDir);
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

export { expect } from '@playwright/test';
