import type { IncomingMessage } from 'node:http';
import { invalidRequest } from './errors';

/** Large enough for a 10,000-row push (the documented per-call maximum) with long strings. */
const maxBodyBytes = 64 * 1024 * 1024;

/** Reads a JSON body; `undefined` when there is none. Malformed JSON is the client's error (400). */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw invalidRequest('The request body is too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidRequest('The request body is not valid JSON');
  }
}
