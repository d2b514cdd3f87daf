import { randomUUID } from 'node:crypto';

import { writePackageResult, writePayload } from '../audit/audit-lines';
import { EngineError } from '../engine-error';
import type { ApiCallContext } from '../salesforce/api-caller';
import { callApi } from '../salesforce/api-caller';
import { buildIntegrateRequest } from './integrate-request';
import type { PackageStatus } from './integrate-result';
import { readIntegrateResult } from './integrate-result';
import { splitIntoPackages } from './payload';
import type { Payload } from './payload';

/** The result of one package of a test message. */
export interface PackageResult {
  readonly index: number;
  readonly transferId: string;
  readonly records: number | undefined;
  readonly status: PackageStatus;
  readonly httpStatus: number;
  readonly summary: string;
}

/** `partial` when some packages, or some records of a package, failed. */
export type MessageStatus = 'success' | 'partial' | 'failed';

export interface TestMessage {
  readonly integration: string;
  readonly inteface: string;
  readonly operation: string;
  readonly bulkPackageSize: number | undefined;
  readonly payload: Payload;
  readonly logsPayload: boolean;
  readonly retryBudget: number;
  readonly createTransferId?: () => string;
}

/**
 * Sends a test message to SKYVVA's integrate service, one request per package, and returns a
 * result per package. A failed package does not stop the next one; a session that stays
 * invalid after renewal, a network failure or cancellation ends the message.
 */
export async function sendPackages(
  message: TestMessage,
  context: ApiCallContext,
): Promise<PackageResult[]> {
  const packages = splitIntoPackages(message.payload, message.operation, message.bulkPackageSize);
  const createTransferId = message.createTransferId ?? randomUUID;
  const results: PackageResult[] = [];
  for (const pkg of packages) {
    const transferId = createTransferId();
    const label = `package ${pkg.index} of ${pkg.count}, transferId ${transferId}`;
    if (message.logsPayload) {
      writePayload(context.audit, label, pkg.body);
    }
    const target = {
      integration: message.integration,
      inteface: message.inteface,
      operation: message.operation,
      format: message.payload.format,
      transferId,
    };
    const response = await callApi(
      (session) => buildIntegrateRequest(session, target, pkg.body),
      message.retryBudget,
      context,
    );
    const outcome = readIntegrateResult(response, context.redactor);
    writePackageResult(context.audit, label, outcome.summary);
    results.push({ index: pkg.index, transferId, records: pkg.records, ...outcome });
  }
  return results;
}

/** Combines package results: success only when every package fully succeeded. */
export function messageStatus(results: readonly PackageResult[]): MessageStatus {
  if (results.length === 0) {
    throw new EngineError('PAYLOAD_INVALID', 'The test message has no package to send.');
  }
  if (results.every((result) => result.status === 'success')) {
    return 'success';
  }
  if (results.every((result) => result.status === 'failed')) {
    return 'failed';
  }
  return 'partial';
}
