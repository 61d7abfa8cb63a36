import { describe, expect, it } from 'vitest';
import { cli, seedSessionFile } from './cli-helpers.js';

const { file } = seedSessionFile();

describe('rnn-lab trace / exhaustive / lengths', () => {
  it("trace --json gives the seed's printed prediction for [5,8,4]", async () => {
    const r = await cli(['trace', file, '--run', 'Embedding 1 · sigmoid RNN', '--sequence', '5,8,4', '--json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(t.probability).toBeCloseTo(0.999984384, 5);
    expect(t.steps.map((s: { digit: number }) => s.digit)).toEqual([5, 8, 4]);
    expect(t.contributions).toBeNull();
  });

  it('trace text of a linear run lists the contributions summing to the logit', async () => {
    const r = await cli(['trace', file, '--run', 'b', '--sequence', '4 1 1']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('final probability');
    expect(r.out).toContain('contributions to the final logit');
  });

  it('exhaustive --json: 1,000 inputs, all right for the sigmoid run', async () => {
    const r = await cli(['exhaustive', file, '--run', 'c', '--json']);
    expect(r.code).toBe(0);
    const x = JSON.parse(r.out);
    expect(x.total).toBe(1000);
    expect(x.accuracy).toBe(1);
  });

  it('lengths --json covers every trained run and length; the linear runs lose single 4s at length 30', async () => {
    const r = await cli(['lengths', file, '--max', '30', '--per-length', '40', '--json']);
    expect(r.code).toBe(0);
    const x = JSON.parse(r.out);
    expect(x.runs).toHaveLength(3);
    for (const run of x.runs) expect(run.points).toHaveLength(30);
    const sig = x.runs.find((q: { run: string }) => q.run === 'Embedding 1 · sigmoid RNN');
    const lin = x.runs.find((q: { run: string }) => q.run === 'Embedding 1 · linear');
    expect(sig.points[29].withTarget).toBe(1);
    expect(lin.points[29].withTarget).toBeLessThan(0.5);
  });

  it('bad usage and bad input exit 2 with one line', async () => {
    const cases = [
      ['trace', file, '--sequence', '5,8,4'],
      ['trace', file, '--run', 'c'],
      ['trace', file, '--run', 'nope', '--sequence', '1'],
      ['trace', file, '--run', 'c', '--sequence', '5,x'],
      ['trace', file, '--run', 'c', '--sequence', '5,10'],
      ['exhaustive', file],
      ['lengths', file, '--max', '0'],
      ['lengths', file, '--per-length', '3'],
      ['lengths', '/nonexistent/file.rnnlab'],
    ];
    for (const argv of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.out).toBe('');
    }
  });
});
