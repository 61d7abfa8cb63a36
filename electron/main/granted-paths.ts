import { resolve } from 'node:path';

/**
 * The session files the main process may open or save: the ones the user or
 * the OS chose (a dialog's answer, a file the OS handed over through argv, a
 * second instance or open-file, an entry of the recent list). The page is
 * untrusted, so a path it sends is used only if it is one of these; a
 * compromised page can then not read or overwrite files of its own choosing.
 * Paths are kept resolved, so `a/../b.rnnlab` and `b.rnnlab` are one entry.
 */
export class GrantedPaths {
  private readonly paths = new Set<string>();

  /** Records a path the user or the OS chose; returns it resolved, as it is then used. */
  grant(path: string): string {
    const resolved = resolve(path);
    this.paths.add(resolved);
    return resolved;
  }

  has(path: string): boolean {
    return this.paths.has(resolve(path));
  }
}
