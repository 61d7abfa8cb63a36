// The tooltip markup the CSP allows lives in shared/: the HTML report's page draws the same charts.
export * from '../../../shared/charts/csp-tooltip.js';
