/** How queue message text maps to bytes (host.json `extensions.queues.messageEncoding`). */
export type MessageEncoding = 'base64' | 'none';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes a message's text to bytes. With base64 (the default, as the storage SDK the host uses),
 * text that is not valid base64 cannot be decoded: undefined is returned and the caller moves the
 * message to the poison queue, as the host does.
 */
export function decodeMessageText(text: string, encoding: MessageEncoding): Buffer | undefined {
  if (encoding === 'none') return Buffer.from(text, 'utf8');
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

/** Encodes content for sending, the inverse of {@link decodeMessageText}. */
export function encodeMessageText(content: string | Uint8Array, encoding: MessageEncoding): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return encoding === 'none' ? bytes.toString('utf8') : bytes.toString('base64');
}
