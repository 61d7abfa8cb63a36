import type { ThemeMode } from '../../../shared/charts/theme.js';

export type ThemeChoice = 'system' | ThemeMode;
const KEY = 'rnn-lab.theme';

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'dark' || v === 'light' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** UI preferences: the theme follows the OS unless the user picked one. */
class PrefsStore {
  choice = $state<ThemeChoice>(stored());
  systemDark = $state(true);
  mode = $derived<ThemeMode>(this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice);

  constructor() {
    if (typeof matchMedia === 'function') {
      const mq = matchMedia('(prefers-color-scheme: dark)');
      this.systemDark = mq.matches;
      mq.addEventListener('change', (e) => (this.systemDark = e.matches));
    }
  }

  cycle(): void {
    this.choice =
      this.choice === 'system'
        ? this.mode === 'dark'
          ? 'light'
          : 'dark'
        : this.choice === 'dark'
          ? 'light'
          : 'system';
    try {
      localStorage.setItem(KEY, this.choice);
    } catch {
      // Private windows may refuse storage; the choice still holds for this page.
    }
  }
}

export const prefs = new PrefsStore();
