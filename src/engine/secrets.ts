import { EngineError } from './engine-error';

/** A `${env:NAME}` or `${secret:NAME}` reference that stands for a parameter's value. */
export interface SecretReference {
  readonly kind: 'env' | 'secret';
  readonly name: string;
  /** The channel parameter whose value is the reference. */
  readonly parameter: string;
}

/**
 * Turns secret references into values. The CLI reads the environment and, for `secret`
 * references, may ask on a terminal. VS Code reads its secret storage.
 */
export interface SecretResolver {
  resolve(reference: SecretReference, signal?: AbortSignal): Promise<string>;
}

const REFERENCE_PATTERN = /^\$\{(env|secret):([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** Parses a whole parameter value as a secret reference; undefined for any other text. */
export function parseSecretReference(
  parameter: string,
  value: string,
): SecretReference | undefined {
  const match = REFERENCE_PATTERN.exec(value);
  if (match === null) {
    return undefined;
  }
  return { kind: match[1] as 'env' | 'secret', name: match[2], parameter };
}

/** Reads a line from the terminal without echoing it; the CLI supplies it. */
export type HiddenPrompt = (question: string, signal?: AbortSignal) => Promise<string>;

export interface CliSecretResolverOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Undefined when there is no terminal to ask on. */
  readonly prompt: HiddenPrompt | undefined;
}

/**
 * Creates the CLI's resolver: `${env:NAME}` reads the environment variable NAME, and
 * `${secret:NAME}` reads NAME from the environment too, or else asks on the terminal.
 */
export function createCliSecretResolver(options: CliSecretResolverOptions): SecretResolver {
  return {
    async resolve(reference, signal) {
      const value = options.env[reference.name];
      if (value !== undefined && value !== '') {
        return value;
      }
      if (reference.kind === 'env') {
        throw new EngineError(
          'SECRET_NOT_FOUND',
          `${reference.parameter} refers to the environment variable ${reference.name}, ` +
            'which is not set or empty. Set it before running.',
        );
      }
      if (options.prompt === undefined) {
        throw new EngineError(
          'SECRET_NO_TERMINAL',
          `${reference.parameter} refers to the secret ${reference.name}, which is not in the ` +
            'environment, and there is no terminal to ask for it. Set the environment ' +
            `variable ${reference.name}.`,
        );
      }
      return options.prompt(`${reference.name} (for ${reference.parameter}): `, signal);
    },
  };
}
