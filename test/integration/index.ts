import { runTestsIn } from './mocha-suite';

/**
 * Runs every `*.test.js` file beside this one. VS Code's extension host loads this module as
 * extensionTestsPath and waits for the promise, under @vscode/test-electron and under
 * scripts/run-vscode-tests.js alike.
 */
export function run(): Promise<void> {
  return runTestsIn(__dirname, 'integration');
}
