// Measures checking channel files: the engine's read-and-analyse against a bare jsonc-parser
// read-and-parse of the same files in one process, the whole `skyvva-channel check` process,
// and one 40-parameter file analysed the way the editor does on each change.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { analyzeBytes, analyzeText } from '../src/engine/analyze';
import { generateChannelFiles, fortyParameterChannel } from './channel-files';

const FILE_COUNT = 1000;
// CPU time rather than wall time, because other jobs on a shared machine skew the latter.
const ROUNDS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Milliseconds of CPU time (user and system) that the work takes in this process. */
function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Milliseconds of wall-clock time, for the child process that CPU time of this one misses. */
function wallMs(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Writes the files into a folder and returns their paths. */
function writeFiles(folder: string, files: readonly { name: string; text: string }[]): string[] {
  mkdirSync(folder, { recursive: true });
  return files.map(({ name, text }) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  });
}

/** Times the engine's read-and-analyse against a bare read-and-parse of the same files. */
function compareWithBareParse(files: readonly string[]): { bareMs: number; engineMs: number } {
  const bare = (): void => {
    for (const file of files) {
      parseTree(readFileSync(file, 'utf8'), [], { allowTrailingComma: true });
    }
  };
  const engine = (): void => {
    for (const file of files) {
      analyzeBytes(readFileSync(file));
    }
  };
  bare();
  engine();
  const bareTimes: number[] = [];
  const engineTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bareTimes.push(cpuMs(bare));
    engineTimes.push(cpuMs(engine));
  }
  return { bareMs: median(bareTimes), engineMs: median(engineTimes) };
}

function timeCheckProcess(folder: string): number {
  const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    times.push(
      wallMs(() => {
        try {
          execFileSync(process.execPath, [cli, 'check', folder], { stdio: 'ignore' });
        } catch {
          // Exit code 1 is expected: a share of the generated files has error findings.
        }
      }),
    );
  }
  return median(times);
}

function timeEditorAnalysis(): number {
  const forty = fortyParameterChannel();
  for (let i = 0; i < 200; i++) {
    analyzeText(forty);
  }
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    times.push(wallMs(() => analyzeText(forty)));
  }
  return median(times);
}

function describeComparison({ bareMs, engineMs }: { bareMs: number; engineMs: number }) {
  return {
    bareParseMs: Number(bareMs.toFixed(1)),
    engineAnalyseMs: Number(engineMs.toFixed(1)),
    ratio: Number((engineMs / bareMs).toFixed(2)),
  };
}

function main(): void {
  const folder = mkdtempSync(join(tmpdir(), 'skyvva-bench-'));
  try {
    const mixed = writeFiles(join(folder, 'mixed'), generateChannelFiles(FILE_COUNT, true));
    const clean = writeFiles(join(folder, 'clean'), generateChannelFiles(FILE_COUNT, false));
    const result = {
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
      files: FILE_COUNT,
      mixed: describeComparison(compareWithBareParse(mixed)),
      clean: describeComparison(compareWithBareParse(clean)),
      checkProcessMs: Number(timeCheckProcess(join(folder, 'mixed')).toFixed(0)),
      editorFortyParametersMs: Number(timeEditorAnalysis().toFixed(3)),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
