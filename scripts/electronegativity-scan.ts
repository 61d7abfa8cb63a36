// Electronegativity (Doyensec's checker for Electron security misconfigurations) over the app's
// Electron sources, judged for `npm test`: any finding fails the run unless it was reviewed and is
// listed below with its reason. It reads the TypeScript sources directly (its Babel parser knows
// our syntax); a file it cannot parse fails the run too, since it would go unchecked.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { contentSecurityPolicy } from '../electron/page/csp.js';

/** What the scan covers: the main process, preload, lab, hosts, and the page's HTML with its CSP. */
export const SCANNED = ['electron', 'renderer/index.html'] as const;

/** Checks not run, each with why. */
export const EXCLUDED_CHECKS: readonly { check: string; reason: string }[] = [
  {
    check: 'AvailableSecurityFixesGlobalCheck',
    reason:
      "downloads Electron's release list at scan time: offline it cannot run, and online its answer changes with the date, " +
      'not with our code (the Electron version is pinned in package.json and upgraded on purpose)',
  },
];

/**
 * Findings that were reviewed and stay, each with why; matched by check and file (and, where
 * given, by what exactly was found), so the same check still fails anywhere else.
 */
export const REVIEWED: readonly Reviewed[] = [
  {
    id: 'PRELOAD_JS_CHECK',
    files: ['electron/main/main-window.ts'],
    reason:
      'a reminder to review the preload, which is the IPC bridge the app cannot do without: electron/preload/preload.ts runs ' +
      'sandboxed with context isolation and exposes through contextBridge one function per contract channel and three event ' +
      "subscriptions, never ipcRenderer or Node (test/unit/shell/preload.test.ts); the main process checks every call's " +
      'sender and payload (ipc-handlers.ts)',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    files: ['renderer/index.html', 'electron/web/server.ts', 'electron/main/app-protocol.ts'],
    // Only while the policy's one concern is script-src 'self': any other weakness fails.
    applies: (f) => f.sample !== undefined && cspConcerns(f.sample).join() === "script-src 'self'",
    reason:
      "the CSP evaluator's \"'self' can be problematic if you host JSONP, Angular or user uploaded files\": both origins " +
      '(app://rnn-lab and the browser-mode server) serve only the built renderer folder, read-only, with nosniff: no JSONP, ' +
      "no Angular, no uploads. Only a nonce- or hash-based policy with 'strict-dynamic' would silence it",
  },
];

/**
 * Policies the app builds at run time, which static analysis cannot read (it reports the
 * browser-mode header as "failed to parse"): evaluated here with Electronegativity's own CSP check.
 */
const COMPUTED_POLICIES: readonly { file: string; policy: string }[] = [
  { file: 'electron/web/server.ts', policy: contentSecurityPolicy(['ws://127.0.0.1:8080']) },
  { file: 'electron/main/app-protocol.ts', policy: contentSecurityPolicy() },
];

interface Reviewed {
  id: string;
  files: readonly string[];
  applies?: (finding: Finding) => boolean;
  reason: string;
}

interface Level {
  name: string;
  value: number;
}
export interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  description: string;
  sample?: string;
}
interface ScanResult {
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}
interface RunOptions {
  input: string;
  isRelative: boolean;
  customScan: string[];
  excludeFromScan: string[];
  electronVersionOverride: string;
  parserPlugins: string[];
}
type Runner = (options: RunOptions, forCli: boolean) => Promise<ScanResult>;
interface CspIssue {
  file: string;
  location: { line: number; column: number };
  properties: { CSPstring: string };
  visibility: { excludesGlobal: string[] };
}
type CspCheck = new () => { perform(issues: CspIssue[]): Promise<Finding[]> };
interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (
    csp: unknown,
    version: number,
  ) => { evaluate(): { severity: number; directive: string; value?: string }[] };
  Version: { CSP3: number };
  severities: Record<'HIGH' | 'MEDIUM' | 'HIGH_MAYBE' | 'MEDIUM_MAYBE', number>;
}

// The package is CommonJS without types: these are the shapes of its runner and checks we rely on.
const require = createRequire(import.meta.url);
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/dist/runner.js'));
// Every run it downloads translations from GitHub, with retries (about ten seconds offline); its
// English texts ship with it, so the download is answered "not there" and the scan stays offline.
const gotPath = toolRequire.resolve('got');
const offlineGot = new Module(gotPath);
offlineGot.filename = gotPath;
offlineGot.loaded = true;
offlineGot.exports = async () => ({ statusCode: 404, body: '' });
require.cache[gotPath] = offlineGot;
const runElectronegativity = toolRequire('./runner.js') as Runner;
const CSPGlobalCheck = toolRequire('./finder/checks/GlobalChecks/CSPGlobalCheck.js') as CspCheck;
const cspEvaluator = toolRequire('@doyensec/csp-evaluator') as CspEvaluatorModule;

/** What the CSP evaluator finds worrying in a policy (the severities Electronegativity reports), as "directive value". */
export function cspConcerns(policy: string): string[] {
  const { CspParser, CspEvaluator, Version, severities } = cspEvaluator;
  const counted = new Set([severities.HIGH, severities.MEDIUM, severities.HIGH_MAYBE, severities.MEDIUM_MAYBE]);
  return new CspEvaluator(new CspParser(policy).csp, Version.CSP3)
    .evaluate()
    .filter((f) => counted.has(f.severity))
    .map((f) => `${f.directive}${f.value ? ` ${f.value}` : ''}`);
}

const INFORMATIONAL = 0;

export interface Verdict {
  failures: string[];
  accepted: string[];
}

/**
 * Scans `paths` (relative to `root`) as one app: they are copied into one folder first, because the
 * tool takes a single input and its global checks (navigation limits, permission handler, CSP) must
 * see the main process and the page together, while the repository root would add tests and fakes.
 */
export async function scanElectronSources(root: string, paths: readonly string[] = SCANNED): Promise<ScanResult> {
  const stage = mkdtempSync(join(tmpdir(), 'rnnlab-electronegativity-'));
  const lang = process.env.LANG;
  try {
    for (const path of paths) {
      mkdirSync(dirname(join(stage, path)), { recursive: true });
      cpSync(join(root, path), join(stage, path), { recursive: true });
    }
    // Its descriptions in English whatever the machine's locale (it looks the locale up in LANG).
    process.env.LANG = 'en-US';
    const result = await runElectronegativity(
      {
        input: stage,
        isRelative: true,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS.map((c) => c.check),
        electronVersionOverride: electronVersion(root),
        parserPlugins: [],
      },
      false,
    );
    return {
      errors: result.errors.map((e) => ({ ...e, file: e.file.replace(`${stage}/`, '') })),
      issues: result.issues,
    };
  } finally {
    if (lang === undefined) delete process.env.LANG;
    else process.env.LANG = lang;
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The computed policies' findings; the scan's "failed to parse" on their files is then answered. */
export async function evaluateComputedPolicies(): Promise<Finding[]> {
  const issues = COMPUTED_POLICIES.map(({ file, policy }) => ({
    file,
    location: { line: 0, column: 0 },
    properties: { CSPstring: policy },
    visibility: { excludesGlobal: [] },
  }));
  return new CSPGlobalCheck().perform(issues);
}

/** Fails on anything not reviewed, on files it could not parse, and on reviewed entries that no longer match. */
export function judge(scan: ScanResult, computed: readonly Finding[]): Verdict {
  const failures: string[] = [];
  const accepted: string[] = [];
  for (const error of scan.errors) failures.push(`could not parse ${error.file}: ${error.message}`);
  const unparsedComputed = (f: Finding) =>
    f.id === 'CSP_GLOBAL_CHECK' && f.sample === undefined && COMPUTED_POLICIES.some((p) => p.file === f.file);
  const findings = [...scan.issues.filter((f) => !unparsedComputed(f)), ...computed];
  const used = new Set<string>();
  for (const f of findings) {
    const line = `${f.severity.name} ${f.id} ${f.file}:${f.location.line}:${f.location.column} ${f.description}`;
    const review = REVIEWED.find((r) => r.id === f.id && r.files.includes(f.file) && (r.applies?.(f) ?? true));
    if (review) {
      used.add(`${review.id} ${f.file}`);
      accepted.push(`${line} (reviewed: ${review.reason})`);
    } else if (f.severity.value > INFORMATIONAL) failures.push(line);
    else failures.push(`${line} (informational: fix it, or review it and list it in REVIEWED with the reason)`);
  }
  for (const r of REVIEWED) {
    for (const file of r.files) {
      if (!used.has(`${r.id} ${file}`))
        failures.push(`REVIEWED lists ${r.id} in ${file}, which is no longer found: remove it from the entry`);
    }
  }
  return { failures, accepted };
}

function electronVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const version = pkg.devDependencies?.electron;
  if (!version || !/^\d+\.\d+\.\d+$/.test(version))
    throw new Error('package.json: devDependencies.electron must be an exact version');
  return version;
}
