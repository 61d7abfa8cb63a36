import { readAt } from '../../../../shared/config-fields/config-path.js';
import type { Run } from '../../../../shared/schemas/run.js';
import type { Session } from '../../../../shared/schemas/session.js';
import type { Sweep, SweepValue } from '../../../../shared/schemas/sweep.js';
import { sweepRunCount } from '../../../../shared/sweeps/expand.js';
import { formatValues } from '../../../../shared/sweeps/ranges.js';

/**
 * A sweep's runs are what its spec makes: each run's tag names a sweep of this file, gives a value for
 * exactly the fields that sweep varies (the training seed included), each one the sweep allows and the
 * one the run's config holds; and no sweep has more runs than its spec makes. The runs table, its groups
 * and a resume read the tags, so a tag that disagrees with its run would silently mislabel results.
 * Light runs need no rule: a series a sweep does not keep is simply empty, which every run may be.
 */
export function checkSweeps(session: Session): string | null {
  const counts = new Map(session.sweeps.map((sweep, index) => [sweep.id, { sweep, index, runs: 0 }]));
  for (const [i, run] of session.runs.entries()) {
    if (!run.sweep) continue;
    const at = `$.runs.${i}.sweep`;
    const entry = counts.get(run.sweep.id);
    if (!entry) return `${at}.id: "${run.sweep.id}" is not a sweep of this session`;
    entry.runs++;
    const problem = checkTag(run, run.sweep.values, entry.sweep, at);
    if (problem) return problem;
  }
  for (const { sweep, index, runs } of counts.values()) {
    const most = sweepRunCount(sweep.spec);
    if (runs > most)
      return `$.sweeps.${index}: ${runs} runs name sweep "${sweep.id}", more than the ${most} its spec makes`;
  }
  return null;
}

/** Every field the sweep varies, with the values it allows there: variants' fields, axes, seeds. */
function variedValues(sweep: Sweep): Map<string, SweepValue[]> {
  const varied = new Map<string, SweepValue[]>();
  for (const variant of sweep.spec.variants ?? []) {
    for (const [path, value] of Object.entries(variant.values)) {
      if (value !== undefined) varied.set(path, [...(varied.get(path) ?? []), value]);
    }
  }
  for (const axis of sweep.spec.axes) varied.set(axis.path, axis.values);
  varied.set('training.seed', sweep.spec.seeds);
  return varied;
}

function checkTag(run: Run, values: Record<string, SweepValue>, sweep: Sweep, at: string): string | null {
  const varied = variedValues(sweep);
  for (const [path, value] of Object.entries(values)) {
    const where = `${at}.values.${path}`;
    const allowed = varied.get(path);
    if (!allowed) return `${where}: sweep "${sweep.id}" does not vary ${path}`;
    const held = readAt(run.config, path);
    if (held !== value) return `${where}: ${show(value)}, but the run's config has ${show(held)}`;
    if (!allowed.includes(value))
      return `${where}: ${show(value)} is not one of sweep "${sweep.id}"'s values (${formatValues(path, [...new Set(allowed)])})`;
  }
  const missing = [...varied.keys()].find((path) => !(path in values));
  if (missing) return `${at}.values: no value for ${missing}, which sweep "${sweep.id}" varies`;
  const variants = sweep.spec.variants ?? [];
  if (variants.length && !variants.some((v) => Object.entries(v.values).every(([path, x]) => values[path] === x)))
    return `${at}.values: the values match none of sweep "${sweep.id}"'s variants`;
  return null;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
