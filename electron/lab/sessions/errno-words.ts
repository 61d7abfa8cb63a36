/**
 * A file system error in words a person can act on, for messages the page or
 * a terminal shows: "cannot save x.rnnlab (disk full)". Never the errno code,
 * the path or the pid Node puts in its own messages; those go to logs only.
 */
export function errnoWords(err: unknown): string {
  switch (errnoCode(err)) {
    case 'ENOSPC':
      return 'disk full';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only disk';
    case 'ENAMETOOLONG':
      return 'name too long for the file system';
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder should be';
    case 'EISDIR':
      return 'a folder has that name';
    case 'ELOOP':
      return 'a link has that name';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'the file is in use';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'the disk could not be read or written';
    default:
      return 'file system error';
  }
}

/** The errno code of a Node file system error ("ENOSPC"), or null for any other error. */
export function errnoCode(err: unknown): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}
