import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { get } from './helpers.js';

const WEB = join(process.cwd(), 'out/node/web.js');
const built = existsSync(WEB) && existsSync(join(process.cwd(), 'out/renderer/index.html'));
if (!built)
  console.log(`skipping the web.js process test: ${WEB} or out/renderer is not built (run \`npm run build\`)`);

describe.skipIf(!built)('npm run web (the built entry)', () => {
  it('prints exactly one URL line, serves the page with the token only, and stops cleanly on SIGTERM', async () => {
    const sessions = mkdtempSync(join(tmpdir(), 'rnnlab-webmain-'));
    const child = spawn(process.execPath, [WEB, '--no-open', '--port', '0', '--sessions', sessions], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no URL line within 20 s')), 20_000);
      child.stdout.on('data', () => {
        if (stdout.includes('\n')) {
          clearTimeout(timer);
          resolve(stdout.split('\n')[0]);
        }
      });
    });
    const match = line.match(/^RNN Lab browser mode: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})$/);
    expect(match, line).not.toBeNull();
    const [, port, token] = match!;
    expect((await get(Number(port), '/')).status).toBe(403);
    const page = await get(Number(port), `/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="app">');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a non-loopback --host with one line on stderr and exit code 2', async () => {
    const child = spawn(process.execPath, [WEB, '--no-open', '--host', '0.0.0.0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'rnn-lab web: --host must be a loopback address (127.x.x.x or localhost), got "0.0.0.0"',
    );
  });
});
