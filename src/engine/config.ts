import type { Analysis } from './analyze';
import type { TokenCredentials } from './auth/token-request';
import { PARAMETERS, findByLegacyName, findParameter, isRequired, isSecretName } from './catalogue';
import type { Flow, Purpose } from './catalogue';
import type { EffectiveParameter, EffectiveParameters } from './effective';
import { EngineError } from './engine-error';
import type { Finding } from './findings';
import type { Redactor } from './redact';
import { parseSecretReference } from './secrets';
import type { SecretResolver } from './secrets';
import { missingParametersMessage, unsupportedFlowMessage } from './vendor-texts';

/**
 * Everything a token request or a test message needs, read from one channel file. Secret
 * references in the credentials are resolved; username and password are set only under
 * Username-Password.
 */
export interface RunConfig extends TokenCredentials {
  readonly purpose: Purpose;
  /** Whether the consumer key was read through the deprecated name `ConsumeKey`. */
  readonly usesLegacyConsumerKey: boolean;
  /** Parameters that are set but that the flow ignores, in catalogue order. */
  readonly ignoredParameters: readonly string[];
  readonly integration: string | undefined;
  readonly inteface: string | undefined;
  readonly operation: string | undefined;
  readonly bulkPackageSize: number | undefined;
  readonly isPoolingActive: boolean;
  readonly showsParameters: boolean;
  readonly logsPayload: boolean;
  /** The effective parameters as the file writes them, for the parameter dump. */
  readonly parameters: readonly EffectiveParameter[];
}

export interface LoadRunConfigOptions {
  readonly resolver: SecretResolver;
  /** Receives every secret value, resolved or literal, before any request is made. */
  readonly redactor: Redactor;
  readonly signal?: AbortSignal;
}

/** A configuration error that carries the error findings behind it. */
export class ConfigError extends EngineError {
  readonly findings: readonly Finding[];

  constructor(
    code:
      | 'CONFIG_INVALID_FILE'
      | 'CONFIG_UNSUPPORTED_FLOW'
      | 'CONFIG_MISSING_PARAMETERS'
      | 'CONFIG_ERROR_FINDINGS',
    message: string,
    findings: readonly Finding[],
  ) {
    super(code, message);
    this.name = 'ConfigError';
    this.findings = findings;
  }
}

const FLAG_ON = 'X';

/**
 * Builds the run configuration for a token request or a test message. Raises a ConfigError
 * on any error finding that concerns the purpose, with the module's own messages for an
 * unsupported flow and for missing authentication parameters, so that nothing is sent.
 */
export async function loadRunConfig(
  analysis: Analysis,
  purpose: Purpose,
  options: LoadRunConfigOptions,
): Promise<RunConfig> {
  const flow = checkRunnable(analysis, purpose);
  const effective = analysis.effective;
  registerLiteralSecrets(effective, options.redactor);

  const value = (name: string): string | undefined => effective.value(name);
  const resolve = (name: string): Promise<string | undefined> =>
    resolveValue(effective, name, options);

  const isUsernamePassword = flow === 'Username-Password';
  const consumerKey = await resolve('ConsumerKey');
  const consumerSecret = await resolve('ConsumerSecret');
  const username = isUsernamePassword ? await resolve('SforceUsername') : undefined;
  const password = isUsernamePassword ? await resolve('pwdSforceLoginPassword') : undefined;

  return {
    purpose,
    flow,
    tokenUrl: value('AuthorizationServerURL') ?? '',
    consumerKey: consumerKey ?? '',
    consumerSecret: consumerSecret ?? '',
    username,
    password,
    usesLegacyConsumerKey: findEffective(effective, 'ConsumerKey')?.source === 'legacy-name',
    ignoredParameters: effective.parameters
      .filter((parameter) => parameter.isIgnored && (parameter.value ?? '').trim() !== '')
      .map((parameter) => parameter.name),
    integration: value('Integration'),
    inteface: value('Inteface'),
    operation: value('Operation'),
    bulkPackageSize: parsePositiveInteger(value('BulkPackageSize')),
    isPoolingActive: value('SessionPooling.Active') === FLAG_ON,
    showsParameters: value('SforceShowSAPChannelParameters') === FLAG_ON,
    logsPayload: value('SforceRequestPayload') === FLAG_ON,
    parameters: effective.parameters,
  };
}

/** Returns the flow to run, or raises the first configuration error that blocks the purpose. */
function checkRunnable(analysis: Analysis, purpose: Purpose): Flow {
  const errors = analysis.findings.filter((finding) => finding.severity === 'error');
  if (!analysis.parsed) {
    throw new ConfigError(
      'CONFIG_INVALID_FILE',
      `The channel file cannot be read: ${describeFindings(errors)}`,
      errors,
    );
  }

  const effective = analysis.effective;
  const flow = effective.flow;
  if (flow === undefined) {
    const message =
      effective.flowValue === undefined
        ? `OAuth2Flow cannot be determined: ${describeFindings(errors)}`
        : unsupportedFlowMessage(effective.flowValue);
    throw new ConfigError('CONFIG_UNSUPPORTED_FLOW', message, errors);
  }

  const missing = missingAuthenticationParameters(effective, flow);
  if (missing.length > 0) {
    throw new ConfigError(
      'CONFIG_MISSING_PARAMETERS',
      missingParametersMessage(flow, missing),
      errors,
    );
  }

  const blocking = errors.filter((finding) => concernsPurpose(finding, purpose));
  if (blocking.length > 0) {
    throw new ConfigError(
      'CONFIG_ERROR_FINDINGS',
      `The channel file has errors that must be fixed first: ${describeFindings(blocking)}`,
      blocking,
    );
  }
  return flow;
}

/** Names the absent or blank parameters that logging in needs under the flow, in catalogue order. */
function missingAuthenticationParameters(effective: EffectiveParameters, flow: Flow): string[] {
  return PARAMETERS.filter((definition) => isRequired(definition, flow, 'token'))
    .filter((definition) => {
      const parameter = findEffective(effective, definition.name);
      if (parameter === undefined || parameter.source === 'absent') {
        return true;
      }
      // A duplicate key leaves the value undefined; its own error finding reports it.
      return parameter.value !== undefined && parameter.value.trim() === '';
    })
    .map((definition) => definition.name);
}

/**
 * Returns whether an error finding blocks the purpose. Test messages need every error cleared; a
 * token request only needs the file and the authentication parameters to be valid.
 */
function concernsPurpose(finding: Finding, purpose: Purpose): boolean {
  if (purpose === 'send' || finding.parameter === undefined) {
    return true;
  }
  const definition =
    findParameter(finding.parameter) ??
    findByLegacyName(finding.parameter) ??
    PARAMETERS.find((candidate) => isNameVariant(candidate.name, finding.parameter ?? ''));
  return definition === undefined || definition.neededFor === 'token';
}

function isNameVariant(name: string, written: string): boolean {
  return (
    name.toLowerCase() === written.toLowerCase() || (name === 'Inteface' && written === 'Interface')
  );
}

function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) {
    return 'no details were reported.';
  }
  // Each message is a sentence of its own; duplicate keys report one message per place.
  return [...new Set(findings.map((finding) => finding.message))].join(' ');
}

function findEffective(
  effective: EffectiveParameters,
  name: string,
): EffectiveParameter | undefined {
  return effective.parameters.find((parameter) => parameter.name === name);
}

/** Registers literal secret values, including ignored ones, so that output never shows them. */
function registerLiteralSecrets(effective: EffectiveParameters, redactor: Redactor): void {
  for (const parameter of effective.parameters) {
    if (parameter.isSecret || isSecretName(parameter.name)) {
      redactor.addSecret(parameter.value);
    }
  }
}

/** Returns a parameter's value with a secret reference resolved and registered as a secret. */
async function resolveValue(
  effective: EffectiveParameters,
  name: string,
  options: LoadRunConfigOptions,
): Promise<string | undefined> {
  const written = effective.value(name);
  if (written === undefined) {
    return undefined;
  }
  const reference = parseSecretReference(name, written);
  if (reference === undefined) {
    return written;
  }
  const resolved = await options.resolver.resolve(reference, options.signal);
  options.redactor.addSecret(resolved);
  return resolved;
}

function parsePositiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^[1-9][0-9]*$/.test(value)) {
    return undefined;
  }
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}
