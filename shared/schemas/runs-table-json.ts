import { z } from 'zod';
import { runConfigSchema } from './run-config.js';
import { runHealthSchema } from './run-health.js';
import { sweepValueSchema } from './sweep.js';

/**
 * `rnn-lab table FILE --json`: exactly these keys, as other tools read them. Fields are named by their
 * config path (e.g. `model.rnnActivation`); a metric a run does not have (untrained, or not meaningful
 * for its task) is null, as is a group's success rate when none of its runs has trained an epoch.
 */
const nullableNumber = z.number().finite().nullable();

export const tableJsonRunSchema = z.strictObject({
  name: z.string(),
  seed: z.number().int(),
  config: runConfigSchema,
  metrics: z.strictObject({
    valAcc: nullableNumber,
    valLoss: nullableNumber,
    epochsToSuccess: z.number().int().min(1).nullable(),
    digitMargin: nullableNumber,
    /** The majority-class share of the run's validation split: the accuracy of learning nothing. */
    baseline: z.number().min(0).max(1),
    /** The finished run's verdict (learned, weak, did-not-learn, diverged) and why; null before it finishes. */
    health: runHealthSchema.nullable(),
  }),
});

export const tableJsonGroupSchema = z.strictObject({
  key: z.record(z.string(), sweepValueSchema),
  count: z.number().int().min(1),
  successRate: z.number().min(0).max(1).nullable(),
  valAcc: z.strictObject({ mean: nullableNumber, sd: nullableNumber }),
});

export const tableJsonSchema = z.strictObject({
  runs: z.array(tableJsonRunSchema),
  groups: z.array(tableJsonGroupSchema),
});

export type TableJson = z.infer<typeof tableJsonSchema>;
