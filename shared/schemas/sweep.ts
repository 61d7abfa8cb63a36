import { z } from 'zod';
import { FIELD_DESCRIPTORS } from '../config-fields/descriptors.js';
import { MAX_RUNS_PER_SESSION } from '../limits.js';
import { runConfigSchema } from './run-config.js';

/**
 * A sweep: many runs made from one base config by varying sweepable fields (as a grid, or N random draws)
 * and crossing each with a list of training seeds. The definition is stored whole, so a sweep can be
 * resumed, extended or shown exactly as it was asked for; its runs carry the sweep's id and their values.
 *
 * `variants` (optional) are named sets of values applied together, crossed with the axes: some fields must
 * change together, and a plain grid would break that. The seed rule is the case in point: a sigmoid
 * SimpleRNN has no output sigmoid and Adam 0.03, a GRU gets tanh and the dense readout; so "the seed's four
 * configs" are four variants (embedding, activation, output activation, learning rate each), not a grid of
 * embedding × activation. A spec without variants is exactly a grid (or draws) over the base.
 */

/** Config paths a sweep may vary: every field whose descriptor says `sweepable` (never the training seed's list: `seeds`). */
export const SWEEPABLE_PATHS = FIELD_DESCRIPTORS.filter((f) => f.sweepable && f.path !== 'training.seed').map(
  (f) => f.path,
) as [string, ...string[]];

export const sweepIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'sweep id: letters, digits, - and _ only');
export const sweepValueSchema = z.union([z.number().finite(), z.string().max(64), z.boolean()]);

/** One varied field and the values it takes (each checked against the field's own schema when runs are made). */
export const sweepAxisSchema = z.object({
  path: z.enum(SWEEPABLE_PATHS, { error: (iss) => `${String(iss.input)} is not a field a sweep can vary` }),
  values: z.array(sweepValueSchema).min(1, 'an axis needs at least one value').max(MAX_RUNS_PER_SESSION),
});

/** Named values set together on the base (e.g. "Embedding 1 · sigmoid RNN"); every variant sets the same fields. */
export const sweepVariantSchema = z.object({
  label: z.string().trim().min(1, 'variant label is empty').max(80, 'variant label is longer than 80 characters'),
  values: z.partialRecord(
    z.enum(SWEEPABLE_PATHS, { error: (iss) => `${String(iss.input)} is not a field a sweep can vary` }),
    sweepValueSchema,
  ),
});

/** Series a sweep run keeps beyond config, history, final weights, summary and metrics (light runs by default). */
export const KEEPABLE_SERIES = ['batchLoss', 'snapshots', 'predictions'] as const;

export const sweepSpecSchema = z
  .object({
    /** Every run starts from this config; the axes and the seed replace their fields. */
    base: runConfigSchema,
    axes: z.array(sweepAxisSchema).max(12, 'a sweep varies at most 12 fields'),
    /** When present, every combination of the axes is made once per variant (its values, then the axes'). */
    variants: z.array(sweepVariantSchema).min(1).max(MAX_RUNS_PER_SESSION).optional(),
    /** `grid`: every combination of the axes' values; `random`: N draws, each value uniform on its axis. */
    mode: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('grid') }),
      z.object({
        kind: z.literal('random'),
        draws: z.number().int().min(1).max(MAX_RUNS_PER_SESSION),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1),
      }),
    ]),
    /** Training seeds: every combination (or draw) is trained once per seed. */
    seeds: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1),
      )
      .min(1)
      .max(MAX_RUNS_PER_SESSION),
    keep: z.array(z.enum(KEEPABLE_SERIES)).default([]),
  })
  .refine((s) => new Set(s.axes.map((a) => a.path)).size === s.axes.length, {
    message: 'a field is varied twice',
    path: ['axes'],
  })
  .refine((s) => !s.variants?.some((p) => s.axes.some((a) => a.path in p.values)), {
    message: 'a field is set by the variants and varied by an axis',
    path: ['variants'],
  })
  .refine((s) => samePaths(s.variants ?? []), {
    message: 'every variant sets the same fields (so every run has a value for each)',
    path: ['variants'],
  });

function samePaths(variants: ReadonlyArray<{ values: Record<string, unknown> }>): boolean {
  const key = (p: { values: Record<string, unknown> }) => Object.keys(p.values).sort().join(',');
  return variants.every((v) => key(v) === key(variants[0]));
}

export const sweepStates = ['running', 'paused', 'cancelled', 'done'] as const;

export const sweepSchema = z.object({
  id: sweepIdSchema,
  name: z.string().trim().min(1, 'sweep name is empty').max(80, 'sweep name is longer than 80 characters'),
  spec: sweepSpecSchema,
  /** `running`/`paused` sweeps have runs still to train; a reopened `running` sweep is offered to resume. */
  state: z.enum(sweepStates),
  createdAt: z.iso.datetime(),
});

/** What a run made by a sweep carries: which sweep, and the value of every varied field (and its seed). */
export const runSweepTagSchema = z.object({
  id: sweepIdSchema,
  /** By config path, e.g. { "model.embeddingDim": 4, "training.seed": 3 }. */
  values: z.record(z.string(), sweepValueSchema),
});

export type SweepValue = z.infer<typeof sweepValueSchema>;
export type SweepAxis = z.infer<typeof sweepAxisSchema>;
export type SweepVariant = z.infer<typeof sweepVariantSchema>;
export type SweepSpec = z.infer<typeof sweepSpecSchema>;
export type SweepSpecInput = z.input<typeof sweepSpecSchema>;
export type Sweep = z.infer<typeof sweepSchema>;
export type SweepState = (typeof sweepStates)[number];
export type RunSweepTag = z.infer<typeof runSweepTagSchema>;
export type KeepableSeries = (typeof KEEPABLE_SERIES)[number];
