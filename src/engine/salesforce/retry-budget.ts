import { createHash } from 'node:crypto';

import { parseJsonBody } from '../auth/response-snippet';
import { writeNote } from '../audit/audit-lines';
import type { Session } from '../session/session';
import type { ApiCallContext } from './api-caller';
import { callApi } from './api-caller';
import { describeApiFailure, readApiErrors } from './api-errors';
import { soqlString } from './soql';

export const RETRY_BUDGET_FIELD = 'skyvvasolutions__Max_Number_Of_API_Retry__c';
export const INTERFACE_OBJECT = 'skyvvasolutions__Interfaces__c';
export const QUERY_API_VERSION = 'v60.0';

/** Builds the SOQL query for the retry budget of the SKYVVA Interface of an integration. */
export function buildRetryBudgetQuery(integration: string, inteface: string): string {
  return (
    `SELECT ${RETRY_BUDGET_FIELD} FROM ${INTERFACE_OBJECT} ` +
    `WHERE skyvvasolutions__Name__c = ${soqlString(inteface)} ` +
    `AND skyvvasolutions__Integration__r.Name = ${soqlString(integration)} LIMIT 1`
  );
}

/** Retry budgets already read, per session and interface, for the life of the engine. */
export class RetryBudgetCache {
  private readonly budgets = new Map<string, number>();

  get(session: Session, integration: string, inteface: string): number | undefined {
    return this.budgets.get(cacheKey(session, integration, inteface));
  }

  set(session: Session, integration: string, inteface: string, budget: number): void {
    this.budgets.set(cacheKey(session, integration, inteface), budget);
  }
}

function cacheKey(session: Session, integration: string, inteface: string): string {
  return createHash('sha256')
    .update(JSON.stringify([session.accessToken, integration, inteface]))
    .digest('hex');
}

/**
 * Reads the retry budget of the interface with the REST query API. Every problem, a missing
 * field included, gives budget 0 with one warning, because a test message should still go out.
 */
export async function readRetryBudget(
  integration: string,
  inteface: string,
  context: ApiCallContext,
): Promise<number> {
  const soql = buildRetryBudgetQuery(integration, inteface);
  const response = await callApi(
    (session) => ({
      method: 'GET',
      url: `${session.instanceUrl}/services/data/${QUERY_API_VERSION}/query?q=${encodeURIComponent(soql)}`,
      headers: { authorization: `Bearer ${session.accessToken}`, accept: 'application/json' },
    }),
    0,
    context,
  );

  if (response.status !== 200) {
    const isMissingField = readApiErrors(response).some(
      (detail) => detail.code === 'INVALID_FIELD',
    );
    warn(
      context,
      isMissingField
        ? `The field ${RETRY_BUDGET_FIELD} does not exist on ${INTERFACE_OBJECT}: the SKYVVA ` +
            'managed package predates it. Retry budget 0; add the field to enable retries.'
        : `Reading ${RETRY_BUDGET_FIELD} failed (${describeApiFailure(response, context.redactor)}); retry budget 0.`,
    );
    return 0;
  }
  return readBudgetValue(parseJsonBody(response.body), integration, inteface, context);
}

function readBudgetValue(
  json: unknown,
  integration: string,
  inteface: string,
  context: ApiCallContext,
): number {
  const records = (json as { records?: unknown } | undefined)?.records;
  if (!Array.isArray(records) || records.length === 0) {
    warn(
      context,
      `No SKYVVA Interface named '${inteface}' in the integration '${integration}' was found; ` +
        'retry budget 0. Check the Integration and Inteface parameters.',
    );
    return 0;
  }
  const value: unknown = (records[0] as Record<string, unknown>)[RETRY_BUDGET_FIELD];
  if (value === null || value === undefined) {
    return 0;
  }
  const budget = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof budget !== 'number' || !Number.isSafeInteger(budget) || budget < 0) {
    warn(
      context,
      `${RETRY_BUDGET_FIELD} holds ${JSON.stringify(value)}, which is not a whole number of 0 ` +
        'or more; retry budget 0.',
    );
    return 0;
  }
  return budget;
}

function warn(context: ApiCallContext, message: string): void {
  context.logger.warn(context.redactor.redact(message));
  writeNote(context.audit, message);
}
