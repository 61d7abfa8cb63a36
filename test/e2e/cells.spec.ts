import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.js';
import { CELLS_PRESET } from '../../shared/presets.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CELLS_RUNS = CELLS_PRESET.map((r) => r.name);
const LSTM = 'contains · LSTM';
const LSTM_ROWS = ['input gate i', 'forget gate f', 'cell candidate c', 'output gate o'];
const SEQUENCE = '5,8,4,1,2,4,0,9';

test('cells preset: train, trace an LSTM run (a row per gate, equations on hover), export a gate chart as PNG', async ({
  lab,
  page,
}) => {
  test.setTimeout(300_000);
  // The gate charts' tooltips and the trace table go through the CSP like every chart: nothing refused, no error.
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  // The preset as it is (8 GRU/LSTM runs of 16 units at length 8), on fewer rows so the test stays quick.
  await lab.addPreset('cells', 400, CELLS_RUNS.length);
  expect(CELLS_RUNS).toContain(LSTM);
  await lab.trainAllAndWait(CELLS_RUNS);

  // The LSTM's column draws its weights per gate, and says so in its heading.
  const column = lab.column(LSTM);
  const weights = lab.figure(column, 'W and U per gate');
  await expect(weights.getByRole('heading', { name: 'W and U per gate (i, f, c, o)' })).toBeVisible();
  await expect(weights.locator('canvas').first()).toBeVisible();
  await expect(column.getByTestId('top-digit-per-gate')).toContainText('f →');

  // Its trace: one row per gate (then c and h), every step's value printed.
  const panel = page.getByTestId('analysis-panel');
  await panel.getByRole('textbox', { name: 'Sequence', exact: true }).fill(SEQUENCE);
  await panel.getByRole('button', { name: 'Trace', exact: true }).click();
  const article = panel.getByRole('article', { name: `Trace — ${LSTM}` });
  const table = article.getByRole('table', { name: `Gates — ${LSTM}` });
  for (const name of LSTM_ROWS) await expect(table.getByRole('rowheader', { name, exact: true })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(6);
  for (const name of LSTM_ROWS) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    const values = (await row.getByRole('cell').allTextContents()).map(Number);
    expect(values).toHaveLength(8);
    // Gates are the logistic sigmoid's; the candidate is tanh's.
    for (const v of values) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  }

  // The chart draws the same rows; hovering a cell shows the step's equations (through the CSP-safe tooltip).
  const chart = article.getByRole('figure', { name: `Gate trace — ${LSTM}` }).getByRole('img');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('canvas').first()).toBeVisible();
  const box = (await chart.boundingBox())!;
  // gateTraceOption's grid: 112 px left, 10 right, 10 top, 34 bottom; 6 rows, 8 steps. Forget gate, step 3.
  const rowHeight = (box.height - 44) / 6;
  const colWidth = (box.width - 122) / 8;
  await page.mouse.move(box.x + 112 + colWidth * 2.5, box.y + 10 + rowHeight * 1.5);
  const tip = page.locator('.chart-tip').filter({ hasText: 'step 3 · digit 4' });
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('forget gate f');
  await expect(tip).toContainText('c = f·c₋₁ + i·c̃');
  await lab.shot('cells-trace');

  // Export one gate chart (the LSTM's b per gate) as PNG: a real PNG at 2× the card plus the title band.
  const bias = lab.figure(column, 'b per gate');
  await bias.scrollIntoViewIfNeeded();
  await expect(bias.locator('canvas').first()).toBeVisible();
  await bias.getByRole('button', { name: 'Export' }).click();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    bias.getByRole('menuitem', { name: 'PNG', exact: true }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('emb4-lstm-tanh-gate-bias.png');
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const img = (await bias.getByRole('img').boundingBox())!;
  expect(bytes.readUInt32BE(16)).toBe(Math.max(520, Math.round(img.width)) * 2);
  expect(bytes.readUInt32BE(20)).toBe((Math.round(img.height) + 30) * 2);
  expect(bytes.length).toBeGreaterThan(5000);
  expect(problems).toEqual([]);
});
