import type { ConfigPath } from './config-path.js';

/** The form's sections, in the order the "Add run" form shows them. */
export const FORM_GROUPS = ['Model', 'Training', 'Task'] as const;
export type FormGroup = (typeof FORM_GROUPS)[number];

/** How `rnn-lab train` sets a field. */
export interface CliFlag {
  /** The flag without its dashes: `lr` for `--lr`. */
  flag: string;
  /** Takes a comma-separated list; custom runs are the cross product of every list flag. */
  list?: boolean;
  /** Custom runs (no `--preset`) need this flag. */
  required?: boolean;
  /** What `--help` shows after the flag, when the kind's own placeholder (N, X, a|b) says too little. A boolean field's flag takes no value. */
  arg?: string;
  /** What `--help` calls the default when the seed rule picks it by the run's shape (tanh for a GRU). */
  defaultText?: string;
}

/**
 * What a person needs to know about one RunConfig field. Kind, choices and range are not here:
 * they are read from the zod schema (schema-facts.ts), and the default from the default run.
 */
export interface FieldDescriptor {
  path: ConfigPath;
  label: string;
  /** One short phrase for `--help` and the docs. */
  help: string;
  unit?: string;
  /** The form section; a field without one keeps its default in the form. */
  form?: FormGroup;
  /** Said in the form after the range (what a special value means). */
  formNote?: string;
  cli?: CliFlag;
  /** A sweep may vary it (it changes what the run learns, not how it is recorded). */
  sweepable: boolean;
}

/** Every RunConfig field, once, in the form's order. Adding a field to the schema = one entry here. */
export const FIELD_DESCRIPTORS = [
  {
    path: 'model.embeddingDim',
    label: 'Embedding size',
    help: "length of each digit's embedding vector",
    form: 'Model',
    cli: { flag: 'embedding', list: true, required: true, arg: '10,4,1' },
    sweepable: true,
  },
  {
    path: 'model.cell',
    label: 'Cell',
    help: 'the recurrent cell: SimpleRNN, GRU or LSTM, as tfjs and Keras define them',
    form: 'Model',
    cli: { flag: 'cell', list: true, arg: 'simple,gru,lstm' },
    sweepable: true,
  },
  {
    path: 'model.rnnUnits',
    label: 'RNN units',
    help: 'units of the recurrent cell (more than 1 needs the dense readout)',
    form: 'Model',
    cli: { flag: 'units' },
    sweepable: true,
  },
  {
    path: 'model.rnnActivation',
    label: 'RNN activation',
    help: "the SimpleRNN's activation; for GRU and LSTM the candidate's and the cell output's (gates: sigmoid)",
    form: 'Model',
    cli: { flag: 'activation', list: true, defaultText: 'linear (tanh for GRU and LSTM)' },
    sweepable: true,
  },
  {
    path: 'model.readout',
    label: 'Readout',
    help: "activation: the output activation on the cell's single unit; dense: Dense(1) + sigmoid over the units",
    formNote: 'GRU, LSTM and more than 1 unit need dense',
    form: 'Model',
    cli: { flag: 'readout', defaultText: 'activation (dense for GRU, LSTM and more than 1 unit)' },
    sweepable: true,
  },
  {
    path: 'model.outputActivation',
    label: 'Output activation',
    help: 'with the activation readout: sigmoid adds an output layer; none reads the RNN output as the probability',
    formNote: 'not read by the dense readout',
    form: 'Model',
    sweepable: true,
  },
  { path: 'training.optimizer', label: 'Optimizer', help: 'the optimizer', sweepable: false },
  {
    path: 'training.learningRate',
    label: 'Learning rate',
    help: 'Adam learning rate',
    form: 'Training',
    cli: { flag: 'lr' },
    sweepable: true,
  },
  {
    path: 'training.batchSize',
    label: 'Batch size',
    help: 'training rows per step',
    unit: 'rows',
    form: 'Training',
    cli: { flag: 'batch' },
    sweepable: true,
  },
  {
    path: 'training.epochs',
    label: 'Epochs',
    help: 'passes over the training rows',
    form: 'Training',
    cli: { flag: 'epochs' },
    sweepable: true,
  },
  {
    path: 'training.seed',
    label: 'Training seed',
    help: 'seed of the initial weights and the batch order',
    form: 'Training',
    cli: { flag: 'seed' },
    sweepable: true,
  },
  {
    path: 'training.engine',
    label: 'Engine',
    help: "the recurrence as one fused op (fast) or tfjs's own recurrent layer",
    form: 'Training',
    cli: { flag: 'engine' },
    sweepable: false,
  },
  {
    path: 'training.snapshotEveryBatches',
    label: 'Snapshot every K batches',
    unit: 'batches',
    help: 'keep the weights every K batches (0: at epoch ends only)',
    formNote: '0 = epoch ends only',
    form: 'Training',
    cli: { flag: 'snapshot-every', arg: 'K' },
    sweepable: false,
  },
  {
    path: 'task.kind',
    label: 'Task',
    help: 'the label rule: contains, parity (odd count), order (target before other) or same-ends',
    form: 'Task',
    cli: { flag: 'task', arg: 'KIND' },
    sweepable: true,
  },
  {
    path: 'task.targetDigit',
    label: 'Target digit',
    help: 'the digit contains, parity and order ask about',
    form: 'Task',
    cli: { flag: 'target', arg: 'D' },
    sweepable: true,
  },
  {
    path: 'task.otherDigit',
    label: 'Other digit',
    help: 'the order task: 1 iff some target digit comes before some other digit',
    formNote: 'read only by order',
    form: 'Task',
    cli: { flag: 'other', arg: 'D' },
    sweepable: true,
  },
  {
    path: 'task.sequenceLength',
    label: 'Sequence length',
    help: 'digits per sequence, in training and validation',
    unit: 'digits',
    form: 'Task',
    cli: { flag: 'length' },
    sweepable: true,
  },
  {
    path: 'task.vocabularySize',
    label: 'Vocabulary size',
    help: 'digits are drawn from 0 to size − 1',
    form: 'Task',
    cli: { flag: 'vocab' },
    sweepable: true,
  },
  {
    path: 'task.samples',
    label: 'Samples',
    help: 'rows in the data set (training and validation)',
    unit: 'rows',
    form: 'Task',
    cli: { flag: 'samples' },
    sweepable: true,
  },
  {
    path: 'task.balanced',
    label: 'Balanced classes',
    help: 'half the rows positive (⌈n/2⌉), each drawn uniformly among the rows of its label',
    form: 'Task',
    cli: { flag: 'balanced' },
    sweepable: true,
  },
  {
    path: 'task.validationSplit',
    label: 'Validation split',
    help: 'the last fraction of the rows validates',
    form: 'Task',
    cli: { flag: 'validation-split' },
    sweepable: true,
  },
  {
    path: 'task.dataSeed',
    label: 'Data seed',
    help: 'seed of the random data set',
    form: 'Task',
    cli: { flag: 'data-seed' },
    sweepable: true,
  },
] as const satisfies readonly FieldDescriptor[];
