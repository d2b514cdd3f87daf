import { posix, win32 } from 'node:path';

const FOLDER_NAME = 'skyvva-channel';

export interface CacheDirectoryInputs {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `process.platform`. */
  readonly platform: string;
  /** `os.homedir()`. */
  readonly homeDirectory: string;
}

/**
 * Returns the CLI's default session cache directory: `%LOCALAPPDATA%\skyvva-channel` on
 * Windows, `~/Library/Caches/skyvva-channel` on macOS, and elsewhere
 * `$XDG_CACHE_HOME/skyvva-channel` or `~/.cache/skyvva-channel`. `--cache-dir` overrides it.
 */
export function defaultCacheDirectory(inputs: CacheDirectoryInputs): string {
  const { env, platform, homeDirectory } = inputs;
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA ?? win32.join(homeDirectory, 'AppData', 'Local');
    return win32.join(base, FOLDER_NAME);
  }
  if (platform === 'darwin') {
    return posix.join(homeDirectory, 'Library', 'Caches', FOLDER_NAME);
  }
  // The XDG Base Directory specification ignores a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME;
  const base =
    xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(homeDirectory, '.cache');
  return posix.join(base, FOLDER_NAME);
}
