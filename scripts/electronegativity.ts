// `npm run lint:electron`, part of `npm test`: Electronegativity over the Electron sources; exits 1 on
// any finding that was not reviewed (see electronegativity-scan.ts for the reviewed ones and why).
import { fileURLToPath } from 'node:url';
import { evaluateComputedPolicies, judge, scanElectronSources, SCANNED } from './electronegativity-scan.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scan = await scanElectronSources(root);
const { failures, accepted } = judge(scan, await evaluateComputedPolicies());
for (const line of accepted) console.log(`electronegativity: accepted ${line}`);
for (const line of failures) console.error(`electronegativity: ${line}`);
console.log(
  `electronegativity: ${SCANNED.join(', ')}: ${failures.length} finding(s) to fix, ${accepted.length} reviewed`,
);
process.exit(failures.length > 0 ? 1 : 0);
