import type { Logger } from '../logger';
import type { Redactor } from '../redact';

/** Wraps a logger so that every message passes through the redactor first. */
export function createRedactingLogger(logger: Logger, redactor: Redactor): Logger {
  return {
    trace: (message) => logger.trace(redactor.redact(message)),
    debug: (message) => logger.debug(redactor.redact(message)),
    info: (message) => logger.info(redactor.redact(message)),
    warn: (message) => logger.warn(redactor.redact(message)),
    error: (message) => logger.error(redactor.redact(message)),
  };
}
