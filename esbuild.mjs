// Bundles the extension and the CLI into dist/. `--production` minifies for packaging.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD build loads its parts with a dynamic require that a bundle cannot
  // follow, so the bundle takes its ES module build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // ES module builds in the bundle (fdir, under tinyglobby) read import.meta.url, which a
  // CommonJS bundle lacks; it is rebuilt from __filename.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  }),
  // The engine commands are a bundle of their own, loaded on first use, so that activating the
  // extension does not load the network stack.
  esbuild.build({
    ...common,
    entryPoints: ['src/vscode-engine/engine-commands.ts'],
    outfile: 'dist/engine-commands.js',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  }),
]);
