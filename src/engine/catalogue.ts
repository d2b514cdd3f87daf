/**
 * The module parameters of a SKYVVA V3 receiver channel (`Skyvva/V3/RestIntegration`, v2.3.6),
 * as named in the vendor's Client-Credentials article. It is the single source for the rules,
 * the JSON schema, completion, hover and the effective parameters.
 */

export const FLOWS = ['Client-Credentials', 'Username-Password'] as const;
export type Flow = (typeof FLOWS)[number];

/** The flow the module runs when `OAuth2Flow` is absent. */
export const DEFAULT_FLOW: Flow = 'Username-Password';

export const OPERATIONS = [
  'integrate',
  'integrateSynchronous',
  'Skyvva Batch',
  'Skyvva Bulk',
  'Salesforce Bulk',
  'Auto-Switch',
] as const;

/** Operations whose payloads are sent in packages of `BulkPackageSize` records. */
export const BULK_OPERATIONS: readonly string[] = ['Skyvva Bulk', 'Salesforce Bulk'];

export const TOKEN_PATH = '/services/oauth2/token';
export const MODULE_NAME = 'Skyvva/V3/RestIntegration';

/** The kind of value a parameter takes, which selects the rule that checks it. */
export type ValueKind =
  'flow' | 'url' | 'text' | 'flag' | 'operation' | 'positive-integer' | 'version' | 'path';

/** The runs that need a parameter: every run that logs in, or only test messages. */
export type Purpose = 'token' | 'send';

export interface ParameterDefinition {
  readonly name: string;
  readonly kind: ValueKind;
  /** Flows that cannot run without the parameter; empty when it is optional. */
  readonly requiredIn: readonly Flow[];
  /** `token` when logging in needs it, `send` when only test messages do. */
  readonly neededFor: Purpose;
  /** Flows that read past the parameter although it may be set. */
  readonly ignoredIn: readonly Flow[];
  readonly isSecret: boolean;
  /** Whether `${env:NAME}` and `${secret:NAME}` may stand for the value. */
  readonly allowsSecretReference: boolean;
  /** Older names the module still reads, each with a deprecation warning. */
  readonly legacyNames: readonly string[];
  /** Names people write by mistake that the module does not read. */
  readonly mistakenNames: readonly string[];
  readonly allowedValues: readonly string[];
  readonly example: string;
  readonly description: string;
}

const base = {
  requiredIn: [] as readonly Flow[],
  neededFor: 'send' as Purpose,
  ignoredIn: [] as readonly Flow[],
  isSecret: false,
  allowsSecretReference: false,
  legacyNames: [] as readonly string[],
  mistakenNames: [] as readonly string[],
  allowedValues: [] as readonly string[],
};

const bothFlows: readonly Flow[] = FLOWS;

export const PARAMETERS: readonly ParameterDefinition[] = [
  {
    ...base,
    name: 'OAuth2Flow',
    kind: 'flow',
    neededFor: 'token',
    allowedValues: FLOWS,
    example: 'Client-Credentials',
    description:
      'Selects the OAuth2 flow: `Client-Credentials` or `Username-Password`. The value is ' +
      'read case-insensitively, with no other tolerance. When the parameter is absent, the ' +
      'module runs `Username-Password`.',
  },
  {
    ...base,
    name: 'AuthorizationServerURL',
    kind: 'url',
    requiredIn: bothFlows,
    neededFor: 'token',
    example: 'https://your-domain.my.salesforce.com/services/oauth2/token',
    description:
      "The org's OAuth2 token endpoint, `https://<your-domain>.my.salesforce.com/services/oauth2/token`. " +
      'Client-Credentials needs the My Domain host; `login.salesforce.com` and ' +
      '`test.salesforce.com` reject that grant. Sandboxes use their `sandbox.my.salesforce.com` host.',
  },
  {
    ...base,
    name: 'ConsumerKey',
    kind: 'text',
    requiredIn: bothFlows,
    neededFor: 'token',
    allowsSecretReference: true,
    legacyNames: ['ConsumeKey'],
    example: '3MVG9EXAMPLEKEY',
    description:
      'The OAuth `client_id` of the External Client App (or Connected App). The module also ' +
      'reads the older name `ConsumeKey`, which is deprecated.',
  },
  {
    ...base,
    name: 'ConsumerSecret',
    kind: 'text',
    requiredIn: bothFlows,
    neededFor: 'token',
    isSecret: true,
    allowsSecretReference: true,
    example: '${secret:CONSUMER_SECRET}',
    description:
      'The OAuth `client_secret` of the External Client App (or Connected App). Secret: ' +
      'prefer a `${secret:NAME}` or `${env:NAME}` reference to a literal value.',
  },
  {
    ...base,
    name: 'SforceUsername',
    kind: 'text',
    requiredIn: ['Username-Password'],
    neededFor: 'token',
    ignoredIn: ['Client-Credentials'],
    allowsSecretReference: true,
    example: 'integration.user@example.com',
    description:
      'The Salesforce user that logs in under Username-Password. Client-Credentials ignores ' +
      'it: the Run-As user is set in the External Client App.',
  },
  {
    ...base,
    name: 'pwdSforceLoginPassword',
    kind: 'text',
    requiredIn: ['Username-Password'],
    neededFor: 'token',
    ignoredIn: ['Client-Credentials'],
    isSecret: true,
    allowsSecretReference: true,
    example: '${secret:LOGIN_PASSWORD}',
    description:
      "The password of `SforceUsername`, followed by the user's security token if the org " +
      'requires one. The `pwd` prefix makes SAP PI/PO mask the value. Client-Credentials ignores it.',
  },
  {
    ...base,
    name: 'Integration',
    kind: 'text',
    requiredIn: bothFlows,
    example: 'Ly-Na',
    description: 'The name of the SKYVVA Integration that receives the messages.',
  },
  {
    ...base,
    name: 'Inteface',
    kind: 'text',
    requiredIn: bothFlows,
    mistakenNames: ['Interface'],
    example: 'V3RestIntegration_Bulk',
    description:
      'The name of the SKYVVA Interface. `Inteface` is the spelling the module reads; ' +
      'a parameter named `Interface` is not read.',
  },
  {
    ...base,
    name: 'Operation',
    kind: 'operation',
    requiredIn: bothFlows,
    allowedValues: OPERATIONS,
    example: 'Skyvva Bulk',
    description:
      'The integration operation: `integrate`, `integrateSynchronous`, `Skyvva Batch`, ' +
      '`Skyvva Bulk`, `Salesforce Bulk` or `Auto-Switch`.',
  },
  {
    ...base,
    name: 'BulkPackageSize',
    kind: 'positive-integer',
    example: '5',
    description:
      'Records per bulk package, a positive whole number. Applies to `Skyvva Bulk` and ' +
      '`Salesforce Bulk`.',
  },
  {
    ...base,
    name: 'AppVersion',
    kind: 'version',
    example: '2.48',
    description: 'The version of the SKYVVA managed package in Salesforce, `major.minor[.patch]`.',
  },
  {
    ...base,
    name: 'SessionPooling.Active',
    kind: 'flag',
    example: 'X',
    description:
      '`X` reuses the OAuth session across messages and renews it when Salesforce answers ' +
      '`INVALID_SESSION_ID`. Without it every message logs in again.',
  },
  {
    ...base,
    name: 'SessionGlobalFilePath',
    kind: 'path',
    example: '/usr/sap/SID/SYS/global',
    description:
      'The absolute folder on the SAP PI/PO host where the module caches the session as a ' +
      '`.ser` file. Used with session pooling.',
  },
  {
    ...base,
    name: 'SforceShowSAPChannelParameters',
    kind: 'flag',
    example: 'X',
    description: '`X` writes the channel parameters to the audit log, secrets masked.',
  },
  {
    ...base,
    name: 'SforceRequestPayload',
    kind: 'flag',
    example: 'X',
    description: '`X` writes the request payload to the audit log.',
  },
];

const byName = new Map(PARAMETERS.map((definition) => [definition.name, definition]));

/** Looks up a parameter by its exact, case-sensitive name. */
export function findParameter(name: string): ParameterDefinition | undefined {
  return byName.get(name);
}

const byLegacyName = new Map(
  PARAMETERS.flatMap((definition) => definition.legacyNames.map((legacy) => [legacy, definition])),
);

/** Finds the parameter that reads `name` as a legacy alias, such as `ConsumeKey`. */
export function findByLegacyName(name: string): ParameterDefinition | undefined {
  return byLegacyName.get(name);
}

/** Checks whether the module masks a parameter's value: the known secrets and every `pwd*` name. */
export function isSecretName(name: string): boolean {
  return byName.get(name)?.isSecret === true || name.startsWith('pwd');
}

/** Matches the flow value case-insensitively, as the module does; undefined for any other text. */
export function parseFlow(value: string): Flow | undefined {
  return FLOWS.find((flow) => flow.toLowerCase() === value.toLowerCase());
}

/** Whether a parameter must be set for a flow, for logging in or for test messages. */
export function isRequired(definition: ParameterDefinition, flow: Flow, purpose: Purpose): boolean {
  if (!definition.requiredIn.includes(flow)) {
    return false;
  }
  return purpose === 'send' || definition.neededFor === 'token';
}

const lowerCaseNames = new Set(
  PARAMETERS.flatMap((definition) =>
    [definition.name, ...definition.legacyNames, ...definition.mistakenNames].map((name) =>
      name.toLowerCase(),
    ),
  ),
);

/** Checks whether a name is a module parameter name, or one in other letter case. */
export function looksLikeParameterName(name: string): boolean {
  return lowerCaseNames.has(name.toLowerCase());
}
