import { z } from 'zod';
import { TASK_KINDS } from '../tasks.js';
import { CELLS, READOUTS } from '../cells.js';
import { trainRows } from '../task-rule.js';

/**
 * What one run trains: the task (data set), the model and the training recipe.
 * One schema for the renderer form, IPC, the CLI and session files.
 */

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const taskSchema = z
  .object({
    /** Which label rule (shared/tasks.ts); files from before tasks existed are `contains`. */
    kind: z.enum(TASK_KINDS).default('contains'),
    targetDigit: int(0, 99),
    /** The `order` task's second digit; other tasks do not read it. */
    otherDigit: int(0, 99).default(7),
    sequenceLength: int(1, 60),
    vocabularySize: int(2, 100),
    samples: int(20, 200_000),
    /** Keras semantics: the last `validationSplit` of the rows validate. */
    validationSplit: z.number().min(0.05).max(0.5),
    /** Half the rows positive, each drawn uniformly among the rows of its label. */
    balanced: z.boolean().default(false),
    dataSeed: int(0, 2 ** 31 - 1),
  })
  .refine((t) => t.targetDigit < t.vocabularySize, {
    message: 'target digit must be smaller than the vocabulary size',
    path: ['targetDigit'],
  })
  .refine((t) => t.kind !== 'order' || t.otherDigit < t.vocabularySize, {
    message: 'the other digit must be smaller than the vocabulary size',
    path: ['otherDigit'],
  })
  .refine((t) => t.kind !== 'order' || t.otherDigit !== t.targetDigit, {
    message: 'the order task needs two different digits (target and other)',
    path: ['otherDigit'],
  })
  .refine((t) => t.kind !== 'same-ends' || t.sequenceLength >= 2, {
    message: 'same-ends needs sequences of at least 2 digits',
    path: ['sequenceLength'],
  })
  // The one empty class of any task: no row of 1 digit has a target before an other digit.
  .refine((t) => !t.balanced || t.kind !== 'order' || t.sequenceLength >= 2, {
    message: 'balanced order data needs sequences of at least 2 digits (no shorter row is positive)',
    path: ['sequenceLength'],
  });

export const rnnActivations = ['linear', 'sigmoid', 'tanh', 'relu'] as const;
export const outputActivations = ['sigmoid', 'none'] as const;

export const modelSchema = z.object({
  /** SimpleRNN, GRU or LSTM, with tfjs's (Keras's) equations and weight layout (shared/cells.ts). */
  cell: z.enum(CELLS).default('simple'),
  embeddingDim: int(1, 64),
  rnnUnits: int(1, 16),
  /** The SimpleRNN's activation; for GRU and LSTM the candidate's and the cell output's (Keras: tanh). */
  rnnActivation: z.enum(rnnActivations),
  /** `activation`: the seed's Activation layer on the one unit; `dense`: Dense(1) + sigmoid over the units. */
  readout: z.enum(READOUTS).default('activation'),
  /** With the `activation` readout: `sigmoid` (the seed's Activation_Layer) or `none` (the RNN output is the probability). */
  outputActivation: z.enum(outputActivations),
});

export const engines = ['fused', 'reference'] as const;

export const trainingSchema = z.object({
  optimizer: z.literal('adam'),
  learningRate: z.number().gt(0).max(1),
  batchSize: int(1, 4096),
  epochs: int(1, 200),
  seed: int(0, 2 ** 31 - 1),
  /** `fused`: the recurrence as one custom op (fast); `reference`: tfjs's own recurrent layers. */
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
  .refine((c) => c.model.readout === 'dense' || c.model.cell === 'simple', {
    message: 'GRU and LSTM cells need the dense readout',
    path: ['model', 'readout'],
  })
  .refine((c) => c.model.readout === 'dense' || c.model.rnnUnits === 1, {
    message: 'more than 1 unit needs the dense readout (the activation readout reads exactly 1 unit)',
    path: ['model', 'readout'],
  })
  .refine(
    (c) => c.model.readout === 'dense' || c.model.outputActivation === 'sigmoid' || c.model.rnnActivation === 'sigmoid',
    {
      message: 'without an output sigmoid the RNN activation must be sigmoid (a probability is needed)',
      path: ['model', 'outputActivation'],
    },
  )
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
export type { CellKind, ReadoutKind } from '../cells.js';
export type { TaskKind } from '../tasks.js';
