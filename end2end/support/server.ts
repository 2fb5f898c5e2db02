import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
/** Ports other runs on this machine use (CI's `make test`, `make run`, shared journeys). */
const RESERVED_PORTS = new Set([8080, 18080, 18090, 18095]);

function bindable(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}

/**
 * Ports this process handed out in the last minute: a port probed free is not bound until its
 * server starts (after that, probing finds it taken).
 */
const handedOut = new Map<number, number>();

function recentlyHandedOut(port: number): boolean {
  const at = handedOut.get(port);
  return at !== undefined && Date.now() - at < 60_000;
}

/**
 * A free port on loopback: any, or one of VECHE_TEST_PORTS (`from-to`) on a machine where each
 * run has its range. In a range, each worker (TEST_PARALLEL_INDEX) takes ports from its own ten.
 */
export async function freePort(): Promise<number> {
  const range = process.env.VECHE_TEST_PORTS?.match(/^(\d+)-(\d+)$/);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    const slice = from + 10 * Number(process.env.TEST_PARALLEL_INDEX ?? 0);
    for (let port = slice; port < slice + 10 && port <= to; port++) {
      if (!recentlyHandedOut(port) && (await bindable(port)) === port) {
        handedOut.set(port, Date.now());
        return port;
      }
    }
    throw new Error(`no free port left in ${slice}-${Math.min(slice + 9, to)} (VECHE_TEST_PORTS=${range[0]})`);
  }
  for (;;) {
    const port = await bindable(0);
    if (port !== undefined && !RESERVED_PORTS.has(port) && !recentlyHandedOut(port)) {
      handedOut.set(port, Date.now());
      return port;
    }
  }
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
    /** More of the server's environment (SMTP, mail retries), on top of the journeys' limits. */
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.database = path.join(directory, 'veche.sqlite3');
    this.logFile = path.join(directory, 'server.log');
  }

  static async create(
    options: { port?: number; directory?: string; env?: Record<string, string> } = {},
  ): Promise<DedicatedServer> {
    const binary = process.env.VECHE_SERVER_BIN;
    if (!binary) {
      throw new Error('VECHE_SERVER_BIN must name the veche-server binary (e.g. target/debug/veche-server)');
    }
    return new DedicatedServer(
      binary,
      options.port ?? (await freePort()),
      options.directory ?? mkdtempSync(path.join(tmpdir(), 'veche-e2e-')),
      options.env ?? {},
    );
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
        VECHE_PUBLIC_URL: this.url,
        VECHE_DATABASE: this.database,
        // The built app in dist/, unless the run names another build.
        VECHE_STATIC_DIR: process.env.VECHE_STATIC_DIR ?? path.join(REPO, 'dist'),
        VECHE_AUTH_ATTEMPTS_PER_MINUTE: '100000',
        VECHE_WRITES_PER_MINUTE: '100000',
        VECHE_SURVEY_ANSWERS_PER_HOUR: '100000',
        ...this.env,
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
