import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { cli, seedSessionFile } from '../analysis/cli-helpers.js';

const { dir, file } = seedSessionFile();

describe('rnn-lab export', () => {
  it('writes a PNG at 2× that decodes, and an SVG with the digit scores', async () => {
    const png = join(dir, 'scores.png');
    const r = await cli([
      'export',
      file,
      '--chart',
      'digit-scores',
      '--run',
      'c',
      '--format',
      'png',
      '--out',
      png,
      '--width',
      '500',
      '--height',
      '300',
    ]);
    expect(r.code, r.err).toBe(0);
    const img = PNG.sync.read(readFileSync(png));
    // 2× of 500 × (300 + the 30 px title band the titled export adds above the chart).
    expect([img.width, img.height]).toEqual([1000, 660]);
    const svg = join(dir, 'curves.svg');
    const s = await cli(['export', file, '--chart', 'curves', '--run', 'all', '--out', svg]);
    expect(s.code, s.err).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('Embedding 10 · linear');
    expect(text).toContain('Loss and accuracy — all runs');
  });

  it('exit 2 with one line for bad usage and bad input', async () => {
    const out = join(dir, 'x.png');
    const cases = [
      ['export', file, '--chart', 'pie', '--run', 'c', '--out', out],
      ['export', file, '--run', 'c', '--out', out],
      ['export', file, '--chart', 'curves', '--out', out],
      ['export', file, '--chart', 'curves', '--run', 'c'],
      ['export', file, '--chart', 'curves', '--run', 'c', '--out', join(dir, 'x.gif')],
      ['export', file, '--chart', 'curves', '--run', 'nobody', '--out', out],
      ['export', join(dir, 'missing.rnnlab'), '--chart', 'curves', '--run', 'c', '--out', out],
    ];
    for (const argv of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('exit 1 when the file cannot be written', async () => {
    const r = await cli([
      'export',
      file,
      '--chart',
      'weights',
      '--run',
      'a',
      '--out',
      join(dir, 'no-such-dir', 'w.png'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  const built = join(process.cwd(), 'out/node/cli.js');
  it.skipIf(!existsSync(built))('the built CLI exports and exits by itself (ECharts disposed)', () => {
    const out = join(dir, 'built.png');
    const p = spawnSync(process.execPath, [built, 'export', file, '--chart', 'embedding', '--run', 'a', '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(p.status, p.stderr).toBe(0);
    expect(PNG.sync.read(readFileSync(out)).width).toBe(1280);
  });
  if (!existsSync(built))
    console.warn('skipped the built-CLI export test: out/node/cli.js is missing (run node scripts/build-node.mjs)');
});
