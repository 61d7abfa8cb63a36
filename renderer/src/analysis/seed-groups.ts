import type { Run } from '../../../shared/schemas/run.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';

/** Runs whose configs differ only in the training seed belong to one seed group. */
export function configKey(config: RunConfig): string {
  const { seed: _seed, ...training } = config.training;
  return JSON.stringify({ ...config, training });
}

export function seedGroups(runs: readonly Run[]): Run[][] {
  const groups = new Map<string, Run[]>();
  for (const r of runs) {
    const key = configKey(r.config);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

/** Seeds for N−1 copies of a run (the run itself is the first of N), avoiding seeds already used. */
export function repeatSeeds(config: RunConfig, n: number, used: ReadonlySet<number>): number[] {
  const seeds: number[] = [];
  for (let s = config.training.seed + 1; seeds.length < n - 1; s++) if (!used.has(s)) seeds.push(s % 2 ** 31);
  return seeds;
}
