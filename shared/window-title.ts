/** What the title bar needs of the open session: its file name (or "Untitled") and whether it has unsaved changes. */
export interface TitledSession {
  title: string;
  dirty: boolean;
}

/**
 * The one title both hosts show (the page's document.title, the Electron window's title):
 * "• seed.rnnlab — RNN Lab" — a leading bullet while there are unsaved changes, then the name and the app.
 */
export function windowTitle(session: TitledSession): string {
  return `${session.dirty ? '• ' : ''}${session.title} — RNN Lab`;
}
