export * from './analysis-trace.js';
export * from './analysis-waterfall.js';
export * from './analysis-lengths.js';
export * from './analysis-timeline.js';
export * from './analysis-one-d-map.js';
export * from './analysis-heatmap.js';
export * from './analysis-seed-repeat.js';
export * from './end-labels.js';
