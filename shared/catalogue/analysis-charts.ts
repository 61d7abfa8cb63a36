import { analysisModelOf } from '../analysis/model.js';
import { lengthGeneralisation } from '../analysis/lengths.js';
import { parseSequence } from '../analysis/sequence.js';
import { timeline } from '../analysis/timeline.js';
import { trace } from '../analysis/trace.js';
import { LENGTHS_TITLE, lengthsOption } from '../analysis/charts/analysis-lengths.js';
import { scoreTimelineOption } from '../analysis/charts/analysis-timeline.js';
import { traceChartOption } from '../analysis/charts/analysis-trace.js';
import { candidateGate } from '../charts/gates.js';
import { LabError } from '../errors.js';
import type { Run } from '../schemas/run.js';
import type { ChartEntry, ChartParams } from './chart-entry.js';

function traceOf(run: Run, params: ChartParams) {
  if (params.sequence === undefined) throw new LabError('bad-request', 'the trace chart needs a sequence');
  const model = analysisModelOf(run);
  return trace(model, parseSequence(params.sequence, model.task.vocabularySize));
}

/** The Analysis section's charts that are exported on their own (the views draw them in the app). */
export const analysisCharts: readonly ChartEntry[] = [
  {
    id: 'lengths',
    title: LENGTHS_TITLE,
    file: 'accuracy-vs-length',
    scope: 'group',
    help: 'accuracy against sequence length, every run on one chart (--max N)',
    needs: (run) => !!run.weights,
    missing: 'has no weights yet',
    params: { maxLength: 'optional' },
    option: (runs, theme, params) =>
      lengthsOption(
        runs.map(({ run, color }) => ({
          name: run.name,
          color,
          result: lengthGeneralisation(analysisModelOf(run), { maxLength: params.maxLength }),
        })),
        theme,
      ),
  },
  {
    id: 'timeline',
    title: 'Digit scores over training',
    file: 'score-timeline',
    scope: 'run',
    help: "digit scores at each weight snapshot (GRU, LSTM: the candidate's)",
    needs: (run) => timeline(run).frames.length > 0,
    missing: 'has no weight snapshots',
    // A gated run's timeline follows its candidate, as its digit scores do in the overlay.
    option: (run, ctx) =>
      scoreTimelineOption(
        timeline(run, candidateGate(run.config.model.cell).key),
        run.config.task.targetDigit,
        ctx,
        null,
      ),
  },
  {
    id: 'trace',
    title: 'Trace',
    file: 'trace',
    scope: 'run',
    help: 'every step of one sequence through a run, every gate for GRU and LSTM (--sequence 5,8,4)',
    needs: (run) => !!run.weights,
    missing: 'has no weights yet',
    params: { sequence: 'required' },
    option: (run, ctx, params) => traceChartOption(traceOf(run, params), run.config.task.targetDigit, ctx),
    exportTitle: (run, params) => `Trace ${traceOf(run, params).sequence.join(',')} — ${run.name}`,
  },
];
