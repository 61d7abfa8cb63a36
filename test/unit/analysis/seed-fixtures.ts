import { runSchema, type Run } from '../../../shared/schemas/run.js';
import type { Weights } from '../../../shared/schemas/run-result.js';
import { SEED_PRESET } from '../../../shared/presets.js';

/** Weights printed in the seed notebook (Keras), copied by hand. */
export const SEED_WEIGHTS = {
  /** Embedding 1 · sigmoid RNN (no output layer): predicts [5,8,4] → 9.99984384e-01. */
  sigmoid1: {
    embedding: [
      1.22580421, 1.1842196, 1.15448904, 1.20168781, -2.71523046, 1.19090605, 1.18169999, 1.19069457, 1.17678034,
      1.20412242,
    ].map((x) => [x]),
    kernel: [[-4.77058172]],
    recurrentKernel: [[13.87013912]],
    bias: [-1.89605367],
  },
  /** Embedding 1 · linear (+ output sigmoid). */
  linear1: {
    embedding: [
      -0.43760461, -0.43051854, -0.43027946, -0.44076917, 2.7104342, -0.44030327, -0.42853352, -0.43567708, -0.43628559,
      -0.43209222,
    ].map((x) => [x]),
    kernel: [[6.39243031]],
    recurrentKernel: [[1.37941635]],
    bias: [0.15867162],
  },
  /** Embedding 10 · linear (+ output sigmoid): predicts [5,8,4] → 9.99977827e-01. */
  linear10: {
    embedding: [
      [
        -0.14044982, 0.21658441, -0.22791751, 0.21502978, -0.19579233, 0.18623219, 0.2239477, -0.14737135, 0.1834836,
        0.17848013,
      ],
      [
        -0.16119297, 0.15270022, -0.22112088, 0.1870423, -0.21034855, 0.22094215, 0.22617932, -0.19690502, 0.16201828,
        0.16872635,
      ],
      [
        -0.20279713, 0.17129959, -0.18022029, 0.17888239, -0.19878508, 0.18757217, 0.18948197, -0.15959248, 0.21192279,
        0.1793922,
      ],
      [
        -0.16744758, 0.18689834, -0.20116815, 0.16811925, -0.21271777, 0.16176091, 0.23074993, -0.22508025, 0.17736089,
        0.19697021,
      ],
      [
        0.87358165, -0.92919093, 1.27148986, -0.97707129, 1.06918406, -1.25646746, -1.07512939, 1.01008677, -1.22653592,
        -1.07279408,
      ],
      [
        -0.20252103, 0.13714807, -0.17961763, 0.20893431, -0.21239041, 0.19352351, 0.20141117, -0.19705266, 0.16560002,
        0.20322703,
      ],
      [
        -0.20628117, 0.14427678, -0.21260698, 0.15537232, -0.14697219, 0.18460469, 0.15442781, -0.18720369, 0.2582643,
        0.21449965,
      ],
      [
        -0.15330791, 0.21459399, -0.22178707, 0.13402544, -0.13827942, 0.2318393, 0.21597138, -0.20058507, 0.23698436,
        0.19769941,
      ],
      [
        -0.15754659, 0.1512261, -0.20155624, 0.22907215, -0.17636189, 0.18587922, 0.17176367, -0.19894339, 0.22978529,
        0.18345623,
      ],
      [
        -0.13863607, 0.22530088, -0.15114433, 0.19402944, -0.21190034, 0.1904562, 0.22017194, -0.18479121, 0.2103454,
        0.18715787,
      ],
    ],
    kernel: [
      2.06557703, -1.83462012, 1.95859563, -2.21554518, 1.99453723, -2.04525447, -1.56783688, 1.71975875, -1.72644722,
      -1.72969031,
    ].map((x) => [x]),
    recurrentKernel: [[1.21534526]],
    bias: [0.02591785],
  },
} satisfies Record<string, Weights>;

const presetByEmbedding = (e: number, act: string) =>
  SEED_PRESET.find((p) => p.config.model.embeddingDim === e && p.config.model.rnnActivation === act)!;

/** Trained-looking runs (status done) carrying the seed's printed weights. */
export function seedRun(which: keyof typeof SEED_WEIGHTS, id: string = which): Run {
  const preset =
    which === 'sigmoid1'
      ? presetByEmbedding(1, 'sigmoid')
      : which === 'linear1'
        ? presetByEmbedding(1, 'linear')
        : presetByEmbedding(10, 'linear');
  return runSchema.parse({
    id,
    name: preset.name,
    config: preset.config,
    status: 'done',
    weights: SEED_WEIGHTS[which],
  });
}
