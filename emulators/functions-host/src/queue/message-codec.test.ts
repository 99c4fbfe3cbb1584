import { decodeMessageText, encodeMessageText } from './message-codec';
import { toQueueMessages } from './queue-output';

describe('queue message encoding', () => {
  it('round-trips base64 (the host default) and plain text', () => {
    expect(encodeMessageText('{"a":1}', 'base64')).toBe('eyJhIjoxfQ==');
    expect(decodeMessageText('eyJhIjoxfQ==', 'base64')?.toString()).toBe('{"a":1}');
    expect(decodeMessageText('raw text', 'none')?.toString()).toBe('raw text');
    expect(encodeMessageText(Buffer.from([255]), 'base64')).toBe('/w==');
  });

  it('refuses text that is not base64', () => {
    expect(decodeMessageText('not base64!', 'base64')).toBeUndefined();
    expect(decodeMessageText('abc', 'base64')).toBeUndefined();
  });
});

describe('toQueueMessages', () => {
  it('fans arrays out into one message per element', () => {
    expect(toQueueMessages({ json: JSON.stringify([{ a: 1 }, 'two', null]) })).toEqual(['{"a":1}', 'two']);
    expect(toQueueMessages({ json: JSON.stringify({ a: 1 }) })).toEqual(['{"a":1}']);
    expect(toQueueMessages({ string: 'x' })).toEqual(['x']);
    expect(toQueueMessages({ int: 3 })).toEqual(['3']);
    expect(toQueueMessages(undefined)).toEqual([]);
  });
});
