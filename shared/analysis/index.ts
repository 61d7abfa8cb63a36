/** Pure analysis over plain weights: runs in the renderer and in Node (no tfjs, no DOM, no node APIs). */
export * from './model.js';
export * from './cell-step.js';
export * from './forward.js';
export * from './trace.js';
export * from './exhaustive.js';
export * from './lengths.js';
export * from './one-d-map.js';
export * from './what-if.js';
export * from './timeline.js';
export * from './seed-repeat.js';
export * from './sequence.js';
export { sigmoid, activation } from './activations.js';
