import { lstat, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';

const CHANNEL_FILE_PATTERN = '**/*.skyvva.json';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** The files an argument list names, and the arguments that named none. */
export interface CollectedFiles {
  readonly files: readonly string[];
  readonly unmatched: readonly string[];
}

async function kindOf(path: string): Promise<'file' | 'folder' | undefined> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : 'file';
  } catch {
    // A broken symbolic link still names a file; reading it reports the error.
    return lstat(path).then(
      () => 'file' as const,
      () => undefined,
    );
  }
}

async function expand(argument: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, argument);
  const kind = await kindOf(path);
  if (kind === 'file') {
    return [path];
  }
  if (kind === 'folder') {
    const found = await glob(CHANNEL_FILE_PATTERN, {
      cwd: path,
      ignore: IGNORED,
      absolute: true,
      dot: true,
    });
    return found.sort();
  }
  const found = await glob(argument, { cwd, ignore: IGNORED, absolute: true, dot: true });
  return found.sort();
}

/**
 * Expands files, folders (searched for `*.skyvva.json`, skipping node_modules and .git) and
 * globs into a list of files without repeats, in argument order.
 */
export async function collectFiles(
  argumentsList: readonly string[],
  cwd: string,
): Promise<CollectedFiles> {
  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  for (const argument of argumentsList) {
    const expanded = await expand(argument, cwd);
    if (expanded.length === 0) {
      unmatched.push(argument);
    }
    for (const file of expanded) {
      // Symbolic links, loops among them, can reach one file by several paths.
      const identity = await realpath(file).catch(() => file);
      if (!seen.has(identity)) {
        seen.add(identity);
        files.push(file);
      }
    }
  }
  return { files, unmatched };
}

/** Shows a path relative to the working folder when it lies inside it. */
export function displayPath(file: string, cwd: string): string {
  const relativePath = relative(cwd, file);
  return relativePath.startsWith('..') || isAbsolute(relativePath) ? file : relativePath;
}
