import { emptyView } from '../../../shared/schemas/session.js';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportChart } from '../../../electron/export/export-chart.js';
import { makeSession, serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { TITLE_BAND } from '../../../shared/charts/index.js';
import { cli, seedSessionFile } from '../analysis/cli-helpers.js';
import { gatedRun } from '../analysis/gated-fixtures.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

const runs = [gatedRun('lstm', { id: 'l' }), gatedRun('gru', { id: 'g' }), trainedSeedRun('sigmoid1', 's')];
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('gate charts export like every chart', () => {
  it('PNG at 2× plus the title band, named from the catalogue with the cell in the run part', () => {
    const out = exportChart({ runs, chart: 'gate-bias', run: 'l', format: 'png', size: { width: 480, height: 200 } });
    const png = PNG.sync.read(out.bytes);
    expect([png.width, png.height]).toEqual([960, 2 * (200 + TITLE_BAND)]);
    expect(out.fileName).toBe('emb3-lstm-tanh-gate-bias.png');
    // Something beyond the background was drawn: many distinct colours (bars, labels, text).
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(20);
  });

  it('SVGs name every gate: weights, bias, digit scores and the trace of an LSTM; a GRU’s gates', () => {
    const svg = (chart: string, run: string, sequence?: string) =>
      exportChart({ runs, chart, run, format: 'svg', sequence }).bytes.toString('utf8');
    const lstmGates = ['input gate i', 'forget gate f', 'cell candidate c', 'output gate o'];
    for (const g of lstmGates) expect(svg('digit-scores', 'l')).toContain(g);
    // Four gates side by side: each name on two lines ("cell" over "candidate c").
    const weights = texts(svg('gate-weights', 'l'));
    for (const line of ['input', 'gate i', 'forget', 'gate f', 'cell', 'candidate c', 'output', 'gate o'])
      expect(weights).toContain(line);
    const trace = texts(svg('trace', 'l', '5,8,4'));
    for (const row of [...lstmGates, 'cell state c(t)', 'hidden state h(t)']) expect(trace).toContain(row);
    expect(trace).toContain('Trace 5,8,4 — LSTM run');
    const gru = texts(svg('gate-weights', 'g'));
    for (const line of ['update', 'gate z', 'reset', 'gate r', 'candidate h']) expect(gru).toContain(line);
    expect(texts(svg('dense-readout', 'g'))).toContain('Dense readout — GRU run');
  });

  it('all runs: a figure sheet of the runs that have gates; a SimpleRNN alone is refused in one line', () => {
    const sheet = exportChart({ runs, chart: 'gate-bias', run: 'all', format: 'svg' }).bytes.toString('utf8');
    expect(sheet).toContain('LSTM run');
    expect(sheet).toContain('GRU run');
    expect(sheet).not.toContain('Embedding 1 · sigmoid RNN');
    expect(() => exportChart({ runs, chart: 'gate-weights', run: 's', format: 'svg' })).toThrow(
      'run "Embedding 1 · sigmoid RNN" has no W and U per gate chart: a SimpleRNN has no gates; its W, U and b are one block (above)',
    );
  });

  it('rnn-lab export writes a gate chart from a session file, and lists the gate charts in --help', async () => {
    const { dir } = seedSessionFile();
    const file = join(dir, 'cells.rnnlab');
    writeFileSync(
      file,
      serializeSession(
        makeSession({ runs, view: { ...emptyView(), order: ['l', 'g', 's'], layout: 'columns', hiddenInOverlay: [] } }),
      ),
    );
    const out = join(dir, 'bias.png');
    const r = await cli(['export', file, '--chart', 'gate-bias', '--run', 'LSTM run', '--format', 'png', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5000);
    const help = await cli(['export', '--help']);
    for (const id of ['gate-weights', 'gate-bias', 'dense-readout']) expect(help.out).toContain(id);
  });
});
