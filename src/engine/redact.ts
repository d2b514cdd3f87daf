import { createHash } from 'node:crypto';

/** The fixed mask that replaces every secret; its length never depends on the secret's. */
export const MASK = '********';

/** Secrets shorter than this are not searched for by value, to avoid masking common words. */
const MIN_SECRET_LENGTH = 4;

const KEY_PATTERNS: readonly RegExp[] = [
  // `Authorization: Bearer abc`, `authorization=...`
  /(authorization["']?\s*[:=]\s*["']?)(?:bearer\s+|basic\s+)?[^\s"',;]+/gi,
  // JSON or form fields that carry secrets: "access_token":"abc", client_secret=abc
  /((?:access_token|refresh_token|client_secret|password|signature)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
  // session ids, but not the error code INVALID_SESSION_ID followed by Salesforce's message
  /((?<![A-Za-z_])(?:sessionid|session_id)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
  // user:password@ in URLs, such as proxy URLs
  /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']*:)[^\s/@"']+(?=@)/gi,
  // URL query strings: everything after `?` up to whitespace or a quote
  /(\bhttps?:\/\/[^\s?#"']+\?)[^\s"'#]+/gi,
];

/**
 * Masks secrets in any text bound for output: by key (token, secret, password and
 * authorization fields, URL passwords, URL query strings) and by value (every secret value
 * registered with `addSecret`).
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a value that must never appear in output, wherever it occurs. */
  addSecret(value: string | undefined): void {
    const trimmed = value?.trim();
    if (trimmed !== undefined && trimmed.length >= MIN_SECRET_LENGTH) {
      this.secrets.add(trimmed);
    }
    if (value !== undefined && value.length >= MIN_SECRET_LENGTH) {
      this.secrets.add(value);
    }
  }

  /** Returns the text with every registered secret and every secret-looking field masked. */
  redact(text: string): string {
    let result = text;
    const longestFirst = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const secret of longestFirst) {
      result = result.split(secret).join(MASK);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) {
        result = result.split(encoded).join(MASK);
      }
    }
    for (const pattern of KEY_PATTERNS) {
      result = result.replace(pattern, (_match, prefix: string) => prefix + MASK);
    }
    return result;
  }
}

/** Returns a short, non-reversible fingerprint of a session id or access token. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 8);
}
