import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

import { analyzeBytes } from '../engine/analyze';
import type { Analysis } from '../engine/analyze';
import type { Purpose } from '../engine/catalogue';
import { ConfigError, loadRunConfig } from '../engine/config';
import type { RunConfig } from '../engine/config';
import type { Redactor } from '../engine/redact';
import { createCliSecretResolver } from '../engine/secrets';
import { readPayload } from '../engine/skyvva/payload';
import type { Payload } from '../engine/skyvva/payload';
import { displayPath } from './check/collect-files';
import { formatFindingsText } from './check/format-text';
import { CliError } from './failure';
import { readRegularFile } from './read-regular-file';
import type { CliIo } from './io';

const CHANNEL_SUFFIX = '.skyvva.json';
const PAYLOAD_SUFFIXES = ['.payload.json', '.payload.xml'] as const;

/** A channel file as read for one run. */
export interface ChannelInput {
  readonly path: string;
  /** The path as the user sees it: relative to the working folder when inside it. */
  readonly shownPath: string;
  readonly analysis: Analysis;
}

async function readInputFile(path: string, shownPath: string, kind: string): Promise<Buffer> {
  try {
    return await readRegularFile(path);
  } catch (error) {
    const { code: errorCode, message } = error as NodeJS.ErrnoException;
    const isOwn = errorCode === 'ENOTREG' || errorCode === 'ETOOBIG';
    const code = isOwn ? message : (errorCode ?? 'read error');
    throw new CliError(
      `Cannot read the ${kind} ${shownPath} (${code}); check the path and its permissions.`,
    );
  }
}

/** Reads and analyses a channel file. An unreadable file raises a CliError with exit code 2. */
export async function readChannel(file: string, io: CliIo): Promise<ChannelInput> {
  const path = resolve(io.cwd, file);
  const shownPath = displayPath(path, io.cwd);
  const bytes = await readInputFile(path, shownPath, 'channel file');
  return { path, shownPath, analysis: analyzeBytes(bytes) };
}

/**
 * Builds the run configuration, resolving secret references from the environment or, on a
 * terminal, by a prompt. On error findings it prints them with their positions to stderr before
 * raising the ConfigError, so no request is made.
 */
export async function loadChannelConfig(
  channel: ChannelInput,
  purpose: Purpose,
  io: CliIo,
  redactor: Redactor,
): Promise<RunConfig> {
  const resolver = createCliSecretResolver({
    env: io.env,
    prompt: io.isInteractive ? io.prompt : undefined,
  });
  try {
    return await loadRunConfig(channel.analysis, purpose, {
      resolver,
      redactor,
      signal: io.signal,
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      const text = channel.analysis.document.text;
      io.stderr(redactor.redact(formatFindingsText(channel.shownPath, text, error.findings)));
      error.message = `${channel.shownPath}: ${error.message}`;
    }
    throw error;
  }
}

/**
 * Returns the default payload files of a channel file: `<name>.payload.json` and
 * `<name>.payload.xml` beside `<name>.skyvva.json`.
 */
export function defaultPayloadCandidates(channelPath: string): string[] {
  const name = basename(channelPath);
  const stem = name.endsWith(CHANNEL_SUFFIX)
    ? name.slice(0, -CHANNEL_SUFFIX.length)
    : name.replace(/\.json$/i, '');
  return PAYLOAD_SUFFIXES.map((suffix) => join(dirname(channelPath), `${stem}${suffix}`));
}

async function findDefaultPayload(channel: ChannelInput, io: CliIo): Promise<string> {
  const candidates = defaultPayloadCandidates(channel.path);
  for (const candidate of candidates) {
    const isFile = await stat(candidate).then(
      (info) => info.isFile(),
      () => false,
    );
    if (isFile) {
      return candidate;
    }
  }
  const shown = candidates.map((candidate) => displayPath(candidate, io.cwd));
  throw new CliError(
    `No payload for ${channel.shownPath}: neither ${shown[0]} nor ${shown[1]} exists; ` +
      'create one of them or name a payload file with --payload <file>.',
  );
}

/** Reads the test payload: `--payload`, else the channel file's default payload file. */
export async function readChannelPayload(
  channel: ChannelInput,
  payloadOption: string | undefined,
  io: CliIo,
): Promise<Payload> {
  const path =
    payloadOption === undefined
      ? await findDefaultPayload(channel, io)
      : resolve(io.cwd, payloadOption);
  const shownPath = displayPath(path, io.cwd);
  const bytes = await readInputFile(path, shownPath, 'payload file');
  return readPayload(shownPath, bytes.toString('utf8'));
}
