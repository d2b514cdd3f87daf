import damerauLevenshtein from 'damerau-levenshtein';

/** A known name or value that an input may have meant, with how far it is from the input. */
export interface Candidate {
  readonly text: string;
  /** Edits (insertions, deletions, substitutions, transpositions) after ignoring case. */
  readonly distance: number;
  readonly isCaseOnly: boolean;
}

/** Inputs longer than this are never compared: no parameter name or value comes close. */
const MAX_COMPARED_LENGTH = 64;

/** Returns the largest distance still worth a suggestion: one edit for short inputs, up to three. */
export function maxDistanceFor(input: string): number {
  if (input.length <= 4) {
    return 1;
  }
  return input.length <= 12 ? 2 : 3;
}

/**
 * Ranks the known texts an input may have meant: same letters in other case first, then by
 * Damerau-Levenshtein distance ignoring case, then by distance with case, then in list order.
 */
export function rankCandidates(
  input: string,
  known: readonly string[],
  maxDistance = maxDistanceFor(input),
): Candidate[] {
  if (input.length > MAX_COMPARED_LENGTH) {
    return [];
  }
  const lower = input.toLowerCase();
  const ranked: { candidate: Candidate; exactDistance: number; order: number }[] = [];
  known.forEach((text, order) => {
    if (text === input || Math.abs(text.length - input.length) > maxDistance) {
      return;
    }
    const distance = damerauLevenshtein(lower, text.toLowerCase()).steps;
    if (distance > maxDistance) {
      return;
    }
    const exactDistance = damerauLevenshtein(input, text).steps;
    ranked.push({
      candidate: { text, distance, isCaseOnly: distance === 0 },
      exactDistance,
      order,
    });
  });
  ranked.sort(
    (a, b) =>
      a.candidate.distance - b.candidate.distance ||
      a.exactDistance - b.exactDistance ||
      a.order - b.order,
  );
  return ranked.map((entry) => entry.candidate);
}
