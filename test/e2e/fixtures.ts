import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabPage } from './pages/lab-page.js';

const WEB = join(process.cwd(), 'out/node/web.js');
const URL_LINE = /RNN Lab browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9]+)/;

export interface LabServer {
  url: string;
  /** The user data folder (--data): the recovery copy lives here. */
  dataDir: string;
  sessionsDir: string;
  /** Kills the server without letting it clean up (SIGKILL: a crash or power loss), then waits for it to be gone. */
  crash(): Promise<void>;
  /** Starts a new server on the same folders; `url` changes (new port and token). */
  restart(): Promise<string>;
}

/** Starts the real browser-mode server on a free port with its own folders. */
function spawnServer(dataDir: string, sessionsDir: string): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(WEB)) throw new Error(`${WEB} is missing: run \`npm run build\` before the e2e tests`);
  const child = spawn(
    process.execPath,
    [WEB, '--port', '0', '--data', dataDir, '--sessions', sessionsDir, '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise<{ url: string; child: ChildProcess }>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`web.js printed no URL within 20 s:\n${out}\n${err}`)), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(URL_LINE);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`web.js exited with ${code}:\n${out}\n${err}`)));
  });
}

class ServerProcess implements LabServer {
  url = '';
  private child: ChildProcess | null = null;
  readonly sessionsDir: string;

  constructor(readonly dataDir: string) {
    this.sessionsDir = join(dataDir, 'sessions');
  }

  async restart(): Promise<string> {
    await this.stop('SIGTERM');
    const { url, child } = await spawnServer(this.dataDir, this.sessionsDir);
    this.url = url;
    this.child = child;
    return url;
  }

  crash(): Promise<void> {
    return this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await gone;
  }
}

export const test = base.extend<{ server: LabServer; lab: LabPage }>({
  server: async ({}, use) => {
    const server = new ServerProcess(mkdtempSync(join(tmpdir(), 'rnn-lab-e2e-')));
    await server.restart();
    await use(server);
    await server.stop('SIGTERM');
    rmSync(server.dataDir, { recursive: true, force: true });
  },
  lab: async ({ page, server }, use) => {
    const lab = new LabPage(page, server.url);
    await lab.open();
    await use(lab);
  },
});

export { expect };
