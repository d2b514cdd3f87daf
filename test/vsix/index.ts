import { runTestsIn } from '../integration/mocha-suite';

/**
 * Runs the `*.test.js` files beside this one, which check the extension installed from the
 * .vsix. The extension host loads this module as extensionTestsPath.
 */
export function run(): Promise<void> {
  return runTestsIn(__dirname, '.vsix');
}
