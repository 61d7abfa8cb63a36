import type { Component } from 'svelte';
import type { BoardCaptionName, BoardViewName } from '../../../shared/catalogue/index.js';
import type { Run } from '../../../shared/schemas/run.js';
import PredictionTable from './PredictionTable.svelte';
import TopDigitCaption from './TopDigitCaption.svelte';

/** The board's parts that are components, not chart options, by the names the catalogue gives them. */
export const boardViews: Record<BoardViewName, Component<{ run: Run }>> = {
  'prediction-table': PredictionTable,
};

export const boardCaptions: Record<BoardCaptionName, Component<{ run: Run }>> = {
  'top-digit': TopDigitCaption,
};
