import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Runs the suites for a workspace in Restricted Mode. The runner's `--trust` option opens the
 * workspace untrusted, so these suites run apart from the main ones, which need trust.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000 });
  const testFiles = fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js'));
  for (const name of testFiles.sort()) {
    mocha.addFile(path.join(__dirname, name));
  }

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes } = runner.stats ?? { passes: 0 };
      console.log(`${passes} passed, ${failures} failed`);
      if (failures > 0) {
        reject(new Error(`${failures} of ${passes + failures} Restricted Mode tests failed`));
      } else {
        resolve();
      }
    });
  });
}
