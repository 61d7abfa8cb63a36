import { spawnSync } from 'node:child_process';
import { trainRun } from '../engine/index.js';
import { runConfigSchema } from '../../shared/schemas/run-config.js';
import { peakRss } from './table.js';

/** The flag that makes the bench script the child below. */
export const SNAPSHOT_RSS_CHILD = '--rss-snapshot-child';
const TRAIN_MS = 10_000;

/** The config class whose snapshots once grew without bound: a large model, batch 1, a snapshot every batch. */
const everyBatch = () =>
  runConfigSchema.parse({
    task: {
      targetDigit: 4,
      sequenceLength: 60,
      vocabularySize: 100,
      samples: 200_000,
      validationSplit: 0.2,
      dataSeed: 1,
    },
    model: { embeddingDim: 64, rnnUnits: 16, rnnActivation: 'linear', outputActivation: 'sigmoid' },
    training: { optimizer: 'adam', learningRate: 0.01, batchSize: 1, epochs: 200, seed: 7, snapshotEveryBatches: 1 },
  });

export interface SnapshotRss {
  maxRssBytes: number;
  steps: number;
  snapshots: number;
}

/** In the child: trains that run for TRAIN_MS, then prints its peak RSS and what the run kept. */
export async function snapshotRssChild(): Promise<void> {
  const result = await trainRun(everyBatch(), { signal: AbortSignal.timeout(TRAIN_MS) });
  const out: SnapshotRss = {
    maxRssBytes: peakRss(),
    steps: result.batchLoss.at(-1)?.step ?? 0,
    snapshots: result.snapshots.length,
  };
  console.log(JSON.stringify(out));
}

/** Runs the child (`script` is the bench's own file) in a fresh process, so its peak RSS is that run's alone. */
export function measureSnapshotRss(script: string): SnapshotRss | string {
  const child = spawnSync(process.execPath, [script, SNAPSHOT_RSS_CHILD], { encoding: 'utf8' });
  const line = /\{"maxRssBytes":.*\}/.exec(child.stdout ?? '');
  if (!line) return `failed (${(child.stderr ?? '').trim().split('\n').at(-1) ?? `exit ${child.status}`})`;
  return JSON.parse(line[0]) as SnapshotRss;
}

/** "10 s, snapshot every batch …": the row's label. */
export const snapshotRssLabel = (r: SnapshotRss) =>
  `snapshot every batch, vocab 100 · embedding 64 · 16 units · length 60 · batch 1, ${TRAIN_MS / 1000} s in a process of its own (${r.steps} steps, ${r.snapshots} snapshots kept)`;
