import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Runs every `*.test.js` file in a folder with mocha and prints `N passed, N failed`, the line
 * that the runner repeats last. Rejects when a test failed, so the extension host exits 1.
 */
export function runTestsIn(folder: string, suiteName: string): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000 });
  const testFiles = fs.readdirSync(folder).filter((name) => name.endsWith('.test.js'));
  for (const name of testFiles.sort()) {
    mocha.addFile(path.join(folder, name));
  }

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
      const skipped = pending > 0 ? `, ${pending} skipped` : '';
      console.log(`${passes} passed, ${failures} failed${skipped}`);
      if (failures > 0) {
        reject(new Error(`${failures} of ${passes + failures} ${suiteName} tests failed`));
      } else {
        resolve();
      }
    });
  });
}
