import { z } from 'zod';
import { trainRows } from '../task-rule.js';

/**
 * What one run trains: the task (data set), the model and the training recipe.
 * One schema for the renderer form, IPC, the CLI and session files.
 */

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const taskSchema = z
  .object({
    targetDigit: int(0, 99),
    sequenceLength: int(1, 60),
    vocabularySize: int(2, 100),
    samples: int(20, 200_000),
    /** Keras semantics: the last `validationSplit` of the rows validate. */
    validationSplit: z.number().min(0.05).max(0.5),
    dataSeed: int(0, 2 ** 31 - 1),
  })
  .refine((t) => t.targetDigit < t.vocabularySize, {
    message: 'target digit must be smaller than the vocabulary size',
    path: ['targetDigit'],
  });

export const rnnActivations = ['linear', 'sigmoid', 'tanh', 'relu'] as const;
export const outputActivations = ['sigmoid', 'none'] as const;

export const modelSchema = z.object({
  embeddingDim: int(1, 64),
  rnnUnits: int(1, 16),
  rnnActivation: z.enum(rnnActivations),
  /** `sigmoid` adds the seed's Activation_Layer after the RNN; `none` uses the RNN output as the probability. */
  outputActivation: z.enum(outputActivations),
});

export const engines = ['fused', 'reference'] as const;

export const trainingSchema = z.object({
  optimizer: z.literal('adam'),
  learningRate: z.number().gt(0).max(1),
  batchSize: int(1, 4096),
  epochs: int(1, 200),
  seed: int(0, 2 ** 31 - 1),
  /** `fused`: the recurrence as one custom op (fast); `reference`: tfjs's own SimpleRNN layer. */
  engine: z.enum(engines).default('fused'),
  /** Weight snapshot every K batches (0 = only at epoch ends). */
  snapshotEveryBatches: int(0, 100_000).default(0),
});

export const runConfigSchema = z
  .object({
    task: taskSchema,
    model: modelSchema,
    training: trainingSchema,
  })
  .refine((c) => c.model.outputActivation === 'sigmoid' || c.model.rnnActivation === 'sigmoid', {
    message: 'without an output sigmoid the RNN activation must be sigmoid (a probability is needed)',
    path: ['model', 'outputActivation'],
  })
  .refine((c) => c.model.outputActivation === 'sigmoid' || c.model.rnnUnits === 1, {
    message: 'without an output layer the RNN must have exactly 1 unit',
    path: ['model', 'rnnUnits'],
  })
  .refine((c) => trainRows(c.task) >= c.training.batchSize, {
    message: 'batch size is larger than the training set',
    path: ['training', 'batchSize'],
  });

export type TaskConfig = z.infer<typeof taskSchema>;
export type ModelConfig = z.infer<typeof modelSchema>;
export type TrainingConfig = z.infer<typeof trainingSchema>;
export type RunConfig = z.infer<typeof runConfigSchema>;
/** What callers may pass: defaults filled by the schema. */
export type RunConfigInput = z.input<typeof runConfigSchema>;
export type RnnActivation = (typeof rnnActivations)[number];
export type OutputActivation = (typeof outputActivations)[number];
export type EngineKind = (typeof engines)[number];
