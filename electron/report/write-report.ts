import { basename, resolve } from 'node:path';
import { reportHtml } from '../../shared/report/report-html.js';
import type { ReportSelection } from '../../shared/report/select-runs.js';
import type { ReportTheme } from '../../shared/report/report-data.js';
import type { Session } from '../../shared/schemas/session.js';
import { writeFileAtomic } from '../lab/sessions/atomic-write.js';
import { readSessionFile } from '../lab/sessions/session-file.js';
import { reportScripts } from './report-scripts.js';

export interface ReportOptions extends ReportSelection {
  theme: ReportTheme;
}

/** A session's HTML report as text (the UI's export, and what writeReport writes). */
export async function buildReport(session: Session, fileName: string, options: ReportOptions): Promise<string> {
  return reportHtml({ session, fileName, ...options, now: new Date(), scripts: await reportScripts() });
}

/** The UI's File → Export report…: the open session's report and the file name to offer ("seed-report.html"). */
export async function sessionReport(
  session: Session,
  sessionName: string,
  request: { runIds?: string[]; sweepId?: string; theme: ReportTheme },
): Promise<{ fileName: string; html: string }> {
  const base = sessionName.replace(/\.rnnlab$/i, '') || 'session';
  const options = { runs: request.runIds, sweep: request.sweepId, theme: request.theme };
  return { fileName: `${base}-report.html`, html: await buildReport(session, sessionName, options) };
}

/**
 * `rnn-lab report`: reads the session (a damaged one is a LabError), builds the whole HTML, then writes
 * it atomically: an error at any step leaves no file, not a partial one.
 */
export async function writeReport(file: string, out: string, options: ReportOptions): Promise<number> {
  const session = await readSessionFile(resolve(file), file);
  const html = await buildReport(session, basename(file), options);
  await writeFileAtomic(resolve(out), html);
  return Buffer.byteLength(html);
}
