// Prints one closing line for the whole suite, summed over vitest and Playwright:
// "tests: N passed, N failed, N skipped". Skipped tests print their own reasons.
import { readFileSync, existsSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const unit = read('out/test-results/vitest.json');
const e2e = read('out/test-results/playwright.json');
if (!unit || !e2e) {
  console.error('test-summary: missing results (run `npm run test:unit` and `npm run test:e2e` first)');
  process.exit(1);
}
const passed = unit.numPassedTests + e2e.stats.expected + (e2e.stats.flaky ?? 0);
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log(`unit ${unit.numPassedTests} passed; e2e ${e2e.stats.expected} passed`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
