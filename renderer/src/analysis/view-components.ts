import type { Component } from 'svelte';
import type { GroupViewName, RunViewName } from '../../../shared/catalogue/index.js';
import type { Run } from '../../../shared/schemas/run.js';
import type { ColoredView } from './analysis-state.svelte.js';
import TraceView from './TraceView.svelte';
import WhatIfView from './WhatIfView.svelte';
import ExhaustiveView from './ExhaustiveView.svelte';
import LengthsView from './LengthsView.svelte';
import TimelineView from './TimelineView.svelte';
import SeedRepeatView from './SeedRepeatView.svelte';

/** The Analysis section's components, by the names the catalogue lists them under (it cannot import Svelte). */
export const runViews: Record<RunViewName, Component<{ views: ColoredView[] }>> = {
  TraceView,
  WhatIfView,
  ExhaustiveView,
  LengthsView,
  TimelineView,
};

export const groupViews: Record<GroupViewName, Component<{ runs: Run[] }>> = { SeedRepeatView };
