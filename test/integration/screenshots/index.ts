import { showAuditLogScene } from './audit-log-scene';
import { showProblemsScene } from './problems-scene';

/** The scenes that scripts/screenshots.sh photographs, by the name it passes. */
const SCENES: Readonly<Record<string, () => Promise<void>>> = {
  problems: showProblemsScene,
  'audit-log': showAuditLogScene,
};

/** The line printed when the scene is ready, which scripts/screenshots.sh checks for. */
const READY_LINE = 'SKYVVA screenshot scene ready';

/**
 * Arranges the workbench for one README picture, prints READY_LINE and never resolves.
 * SKYVVA_SCREENSHOT_SCENE names the scene. The runner's `--screenshot` option saves the PNG
 * when the run ends, and a run that ends by its `--timeout` ends with the workbench as the
 * scene left it. A run whose tests module resolves does not: VS Code deactivates the
 * extension first, which removes its status bar item, diagnostics and output channel.
 */
export async function run(): Promise<void> {
  const name = process.env.SKYVVA_SCREENSHOT_SCENE ?? '';
  const scene = SCENES[name];
  if (scene === undefined) {
    throw new Error(
      `SKYVVA_SCREENSHOT_SCENE is '${name}'; expected one of ${Object.keys(SCENES).join(', ')}`,
    );
  }
  await scene();
  console.log(READY_LINE);
  await new Promise<never>(() => undefined);
}
