import { escapeControlCharacters } from '../control-characters';
import { isSecretName } from '../catalogue';
import type { RunConfig } from '../config';
import { MASK, fingerprint } from '../redact';
import * as vendor from '../vendor-texts';
import type { AuditLog } from './audit-log';

const { COMPONENT } = vendor;

// Line numbers after each component follow the vendor article where it shows the line. The
// engine's own lines use numbers that the article does not show.

export function writeBeginSession(audit: AuditLog): void {
  audit.writeHeader();
  audit.write(COMPONENT.restIntegration, 4, vendor.BEGIN_SESSION_HANDLING);
}

export function writeEndSession(audit: AuditLog): void {
  audit.write(COMPONENT.restIntegration, 13, vendor.END_SESSION_HANDLING);
}

/** Writes the parameter dump: every parameter as the file names it, secrets masked. */
export function writeParameterDump(audit: AuditLog, config: RunConfig): void {
  const lines = config.parameters
    .filter((parameter) => parameter.fileName !== undefined)
    .map((parameter) => {
      const name = parameter.fileName ?? parameter.name;
      const isSecret = parameter.isSecret || isSecretName(name);
      const value = isSecret ? MASK : (parameter.value ?? '');
      return `${escapeControlCharacters(name)}: ${escapeControlCharacters(value)}`;
    });
  audit.write(COMPONENT.parameterDump, 1, [vendor.PARAMETER_DUMP_HEADER, ...lines].join('\n'));
}

/** Writes the lines about parameters that the module reads but reports. */
export function writeParameterNotices(audit: AuditLog, config: RunConfig): void {
  if (config.flow === 'Client-Credentials' && config.ignoredParameters.length > 0) {
    audit.write(COMPONENT.restIntegration, 5, vendor.IGNORED_USERNAME_PASSWORD);
  }
  if (config.usesLegacyConsumerKey) {
    audit.write(COMPONENT.restIntegration, 6, 'ConsumeKey is deprecated; rename it to ConsumerKey');
  }
}

export function writeBeginTransformation(audit: AuditLog): void {
  audit.write(COMPONENT.transLogic, 1, vendor.BEGIN_TRANSFORMATION);
}

export function writeEndTransformation(audit: AuditLog): void {
  audit.write(COMPONENT.transLogic, 2, vendor.END_TRANSFORMATION);
}

/** Writes where the pooled session is looked up: the real store, never SessionGlobalFilePath. */
export function writeCacheLookup(
  audit: AuditLog,
  storeLocation: string,
  entryLocation: string,
): void {
  audit.write(COMPONENT.transHandler, 4, vendor.CHECK_DEADLOCK);
  audit.write(COMPONENT.transHandler, 5, vendor.userHomeCacheLine(storeLocation));
  audit.write(COMPONENT.transHandler, 6, vendor.cacheFileLine(entryLocation));
}

export function writeSessionOrigin(
  audit: AuditLog,
  origin: 'cache' | 'new',
  accessToken: string,
): void {
  const text =
    origin === 'new'
      ? vendor.NEW_SESSION_FROM_SALESFORCE
      : vendor.sessionFromCacheLine(fingerprint(accessToken));
  audit.write(COMPONENT.transHandler, 7, text);
}

export function writeRenewal(audit: AuditLog): void {
  audit.write(COMPONENT.transHandler, 8, vendor.SESSION_RENEWAL);
}

export function writeRenewed(audit: AuditLog, accessToken: string, instanceUrl: string): void {
  audit.write(
    COMPONENT.transHandler,
    9,
    `Salesforce session renewed: ${fingerprint(accessToken)} on ${instanceUrl}`,
  );
}

export function writeRetry(
  audit: AuditLog,
  reason: string,
  attempt: number,
  attempts: number,
  delayMs: number,
): void {
  audit.write(
    COMPONENT.transHandler,
    10,
    `API call failed (${reason}); attempt ${attempt} of ${attempts} in ${delayMs} ms`,
  );
}

export function writeNote(audit: AuditLog, text: string): void {
  audit.write(COMPONENT.transHandler, 11, text);
}

export function writePayload(audit: AuditLog, label: string, body: string): void {
  audit.write(COMPONENT.transLogic, 3, `Request payload (${label}):\n${body}`);
}

export function writePackageResult(audit: AuditLog, label: string, outcome: string): void {
  audit.write(COMPONENT.transLogic, 4, `Result (${label}): ${outcome}`);
}
