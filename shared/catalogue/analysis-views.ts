import { LENGTHS_TITLE } from '../analysis/charts/analysis-lengths.js';

/**
 * The Analysis section's views, in the order they appear. A view is a Svelte component (it has
 * controls and tables, not only a chart); the renderer maps `component` to it. `scope` says what
 * it is given: run = every trained run with its model and colour, group = all the session's runs.
 */
interface ViewBase {
  id: string;
  title: string;
  /** The catalogue charts (ids) the CLI exports from what this view draws. */
  charts: readonly string[];
}
export type RunViewName = 'TraceView' | 'WhatIfView' | 'ExhaustiveView' | 'LengthsView' | 'TimelineView';
export type GroupViewName = 'SeedRepeatView';
export type AnalysisViewEntry =
  (ViewBase & { scope: 'run'; component: RunViewName }) | (ViewBase & { scope: 'group'; component: GroupViewName });

export const analysisViews: readonly AnalysisViewEntry[] = [
  { id: 'trace', title: 'Trace a sequence', scope: 'run', component: 'TraceView', charts: ['trace'] },
  { id: 'what-if', title: 'What if', scope: 'run', component: 'WhatIfView', charts: [] },
  { id: 'exhaustive', title: 'Every input', scope: 'run', component: 'ExhaustiveView', charts: [] },
  { id: 'lengths', title: LENGTHS_TITLE, scope: 'run', component: 'LengthsView', charts: ['lengths'] },
  { id: 'timeline', title: 'Training timeline', scope: 'run', component: 'TimelineView', charts: ['timeline'] },
  { id: 'seed-repeat', title: 'Repeat with seeds', scope: 'group', component: 'SeedRepeatView', charts: [] },
];
