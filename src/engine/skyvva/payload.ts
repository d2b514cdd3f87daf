import { BULK_OPERATIONS } from '../catalogue';
import { EngineError } from '../engine-error';

export type PayloadFormat = 'JSON' | 'XML';

/** A test payload as read from its file. */
export interface Payload {
  readonly format: PayloadFormat;
  readonly text: string;
}

/** One request body of a test message. */
export interface PayloadPackage {
  /** 1-based position among the packages of the message. */
  readonly index: number;
  readonly count: number;
  readonly body: string;
  /** Records in the package, when the payload is a JSON array. */
  readonly records: number | undefined;
}

/**
 * Reads a payload file: its extension (`.json`, `.xml`) decides the format, else its first
 * character. A JSON payload must parse, so that no malformed body goes to Salesforce.
 */
export function readPayload(fileName: string, text: string): Payload {
  const content = text.replace(/^\uFEFF/, '');
  const lowerName = fileName.toLowerCase();
  const firstCharacter = content.trimStart().charAt(0);
  const isXml =
    lowerName.endsWith('.xml') || (!lowerName.endsWith('.json') && firstCharacter === '<');
  if (isXml) {
    if (firstCharacter !== '<') {
      throw new EngineError(
        'PAYLOAD_INVALID',
        `The payload ${fileName} is not XML: it does not start with '<'.`,
      );
    }
    return { format: 'XML', text: content };
  }
  try {
    JSON.parse(content);
  } catch (error) {
    throw new EngineError(
      'PAYLOAD_INVALID',
      `The payload ${fileName} is not valid JSON: ${(error as Error).message}`,
    );
  }
  return { format: 'JSON', text: content };
}

/**
 * Splits a payload into request bodies. Under `Skyvva Bulk` and `Salesforce Bulk`, a top-level
 * JSON array goes in packages of `BulkPackageSize` records; objects, XML and other operations
 * go whole.
 */
export function splitIntoPackages(
  payload: Payload,
  operation: string | undefined,
  packageSize: number | undefined,
): PayloadPackage[] {
  const parsed: unknown = payload.format === 'JSON' ? JSON.parse(payload.text) : undefined;
  const isBulk = operation !== undefined && BULK_OPERATIONS.includes(operation);
  if (
    !isBulk ||
    !Array.isArray(parsed) ||
    packageSize === undefined ||
    parsed.length <= packageSize
  ) {
    const records = Array.isArray(parsed) ? parsed.length : undefined;
    return [{ index: 1, count: 1, body: payload.text, records }];
  }
  const count = Math.ceil(parsed.length / packageSize);
  const packages: PayloadPackage[] = [];
  for (let index = 0; index < count; index += 1) {
    const records = parsed.slice(index * packageSize, (index + 1) * packageSize);
    packages.push({
      index: index + 1,
      count,
      body: JSON.stringify(records),
      records: records.length,
    });
  }
  return packages;
}
