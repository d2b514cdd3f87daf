import { runTestsIn } from '../mocha-suite';

/**
 * Runs the suites for a workspace in Restricted Mode. The runner's `--trust` option opens the
 * workspace untrusted, so these suites run apart from the main ones, which need trust.
 */
export function run(): Promise<void> {
  return runTestsIn(__dirname, 'Restricted Mode');
}
