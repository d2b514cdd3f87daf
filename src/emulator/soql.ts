/** The names in the retry-budget query's WHERE clause. */
export interface RetryBudgetQuery {
  readonly integration: string;
  readonly iface: string;
}

export const RETRY_BUDGET_FIELD = 'skyvvasolutions__Max_Number_Of_API_Retry__c';
export const INTERFACE_OBJECT = 'skyvvasolutions__Interfaces__c';

const STRING_LITERAL = String.raw`'((?:\\.|[^'\\])*)'`;
const INTERFACE_NAME = new RegExp(
  String.raw`skyvvasolutions__Name__c\s*=\s*${STRING_LITERAL}`,
  'i',
);
const INTEGRATION_NAME = new RegExp(
  String.raw`skyvvasolutions__Integration__r\.Name\s*=\s*${STRING_LITERAL}`,
  'i',
);

/**
 * Parses the retry-budget SOQL: a SELECT of the retry field from the Interface object, filtered
 * by interface name and integration name. Returns undefined for any other query.
 */
export function parseRetryBudgetQuery(soql: string): RetryBudgetQuery | undefined {
  if (!new RegExp(String.raw`\bFROM\s+${INTERFACE_OBJECT}\b`, 'i').test(soql)) {
    return undefined;
  }
  const iface = INTERFACE_NAME.exec(soql);
  const integration = INTEGRATION_NAME.exec(soql);
  if (!iface || !integration) {
    return undefined;
  }
  return { iface: unescapeSoql(iface[1]), integration: unescapeSoql(integration[1]) };
}

/** Returns whether the query selects the retry-budget field. */
export function selectsRetryBudget(soql: string): boolean {
  return new RegExp(String.raw`^\s*SELECT\b[^]*\b${RETRY_BUDGET_FIELD}\b[^]*\bFROM\b`, 'i').test(
    soql,
  );
}

/** Undoes SOQL string-literal escapes: `\'`, `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`. */
export function unescapeSoql(literal: string): string {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  return literal.replace(/\\(.)/g, (_match, char: string) => escapes[char] ?? char);
}
