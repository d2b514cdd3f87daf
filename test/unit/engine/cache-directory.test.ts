import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { defaultCacheDirectory } from '../../../src/engine/session/cache-directory';

describe('default cache directory', () => {
  it('uses XDG_CACHE_HOME on Linux', () => {
    const directory = defaultCacheDirectory({
      env: { XDG_CACHE_HOME: '/var/cache/user' },
      platform: 'linux',
      homeDirectory: '/home/user',
    });

    assert.equal(directory, '/var/cache/user/skyvva-channel');
  });

  it('falls back to ~/.cache', () => {
    const relative = defaultCacheDirectory({
      env: { XDG_CACHE_HOME: 'relative' },
      platform: 'linux',
      homeDirectory: '/home/user',
    });
    const unset = defaultCacheDirectory({
      env: {},
      platform: 'linux',
      homeDirectory: '/home/user',
    });

    assert.equal(relative, '/home/user/.cache/skyvva-channel');
    assert.equal(unset, '/home/user/.cache/skyvva-channel');
  });

  it('uses Library/Caches on macOS', () => {
    const directory = defaultCacheDirectory({
      env: {},
      platform: 'darwin',
      homeDirectory: '/Users/user',
    });

    assert.equal(directory, '/Users/user/Library/Caches/skyvva-channel');
  });

  it('uses LOCALAPPDATA on Windows', () => {
    const directory = defaultCacheDirectory({
      env: { LOCALAPPDATA: 'C:\\Users\\user\\AppData\\Local' },
      platform: 'win32',
      homeDirectory: 'C:\\Users\\user',
    });

    assert.equal(directory, 'C:\\Users\\user\\AppData\\Local\\skyvva-channel');
  });
});
