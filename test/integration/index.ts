import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Runs every `*.test.js` file beside this one. VS Code's extension host loads this module as
 * extensionTestsPath and waits for the promise, under @vscode/test-electron and under
 * scripts/run-vscode-tests.js alike.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000 });
  const testFiles = fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js'));
  for (const name of testFiles.sort()) {
    mocha.addFile(path.join(__dirname, name));
  }

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
      const skipped = pending > 0 ? `, ${pending} skipped` : '';
      console.log(`${passes} passed, ${failures} failed${skipped}`);
      if (failures > 0) {
        reject(new Error(`${failures} of ${passes + failures} integration tests failed`));
      } else {
        resolve();
      }
    });
  });
}
