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
  sessionsDir: string;
}

/** Starts the real browser-mode server on a free port with its own sessions folder, and stops it after. */
async function startServer(): Promise<{ server: LabServer; child: ChildProcess }> {
  if (!existsSync(WEB)) throw new Error(`${WEB} is missing: run \`npm run build\` before the e2e tests`);
  const sessionsDir = mkdtempSync(join(tmpdir(), 'rnn-lab-e2e-'));
  const child = spawn(process.execPath, [WEB, '--port', '0', '--sessions', sessionsDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`web.js printed no URL within 20 s:\n${out}\n${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(URL_LINE);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`web.js exited with ${code}:\n${out}\n${err}`)));
  });
  return { server: { url, sessionsDir }, child };
}

export const test = base.extend<{ server: LabServer; lab: LabPage }>({
  server: async ({}, use) => {
    const { server, child } = await startServer();
    await use(server);
    child.kill('SIGTERM');
    rmSync(server.sessionsDir, { recursive: true, force: true });
  },
  lab: async ({ page, server }, use) => {
    const lab = new LabPage(page, server.url);
    await lab.open();
    await use(lab);
  },
});

export { expect };
