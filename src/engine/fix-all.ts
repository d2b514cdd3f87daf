import { analyzeText } from './analyze';
import type { Fix, TextEdit } from './findings';
import { applyEdits, editsOverlap } from './text-edits';

/** Rounds of analysis and fixing before fix-all stops, even if safe fixes remain. */
export const MAX_FIX_ALL_ROUNDS = 10;

/** The outcome of applying every safe fix to a channel file's text. */
export interface FixAllResult {
  readonly text: string;
  /** Fixes applied over all rounds. */
  readonly appliedCount: number;
  readonly rounds: number;
  /** Whether safe fixes were still left after the last round. */
  readonly isStable: boolean;
}

/**
 * Picks the safe fixes of one analysis whose edits overlap no fix picked before, in the order
 * of the findings, so that they can be applied together.
 */
export function pickSafeFixes(text: string): Fix[] {
  const picked: Fix[] = [];
  const pickedEdits: TextEdit[] = [];
  for (const finding of analyzeText(text).findings) {
    const fix = finding.fixes.find((candidate) => candidate.isSafe);
    if (fix === undefined) {
      continue;
    }
    const overlaps = fix.edits.some((edit) =>
      pickedEdits.some((other) => editsOverlap(edit, other)),
    );
    if (!overlaps) {
      picked.push(fix);
      pickedEdits.push(...fix.edits);
    }
  }
  return picked;
}

/**
 * Applies every safe fix: each round analyses the text, applies the safe fixes that do not
 * overlap, and analyses again, until no safe fix is left or `maxRounds` is reached.
 */
export function applySafeFixes(text: string, maxRounds = MAX_FIX_ALL_ROUNDS): FixAllResult {
  let current = text;
  let appliedCount = 0;
  for (let round = 1; round <= maxRounds; round++) {
    const fixes = pickSafeFixes(current);
    if (fixes.length === 0) {
      return { text: current, appliedCount, rounds: round - 1, isStable: true };
    }
    const next = applyEdits(
      current,
      fixes.flatMap((fix) => fix.edits),
    );
    if (next === current) {
      return { text: current, appliedCount, rounds: round, isStable: true };
    }
    appliedCount += fixes.length;
    current = next;
  }
  const isStable = pickSafeFixes(current).length === 0;
  return { text: current, appliedCount, rounds: maxRounds, isStable };
}
