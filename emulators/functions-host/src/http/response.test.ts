import { serializeCookie, typedDataToBuffer } from './response';

describe('serializeCookie', () => {
  it('writes attributes in ASP.NET Core order and escapes the value', () => {
    expect(
      serializeCookie({
        name: 'sid',
        value: 'a b;c',
        expires: { value: { seconds: 0 } },
        maxAge: { value: 60.7 },
        domain: { value: 'example.com' },
        path: { value: '/api' },
        secure: { value: true },
        sameSite: 'explicitNone',
        httpOnly: { value: true },
      }),
    ).toBe(
      'sid=a%20b%3Bc; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=60; domain=example.com; path=/api; secure; samesite=none; httponly',
    );
  });

  it('defaults the path to / and omits unset SameSite', () => {
    expect(serializeCookie({ name: 'a', value: '1', sameSite: 'none' })).toBe('a=1; path=/');
    expect(serializeCookie({ name: 'a', value: '1', sameSite: 'lax' })).toBe('a=1; path=/; samesite=lax');
  });
});

describe('typedDataToBuffer', () => {
  it('converts every typed value to bytes', () => {
    expect(typedDataToBuffer({ bytes: new Uint8Array([1, 2]) })).toEqual(Buffer.from([1, 2]));
    expect(typedDataToBuffer({ string: 'é' })).toEqual(Buffer.from('é'));
    expect(typedDataToBuffer({ json: '{"a":1}' }).toString()).toBe('{"a":1}');
    expect(typedDataToBuffer({ int: 5 }).toString()).toBe('5');
    expect(typedDataToBuffer(undefined)).toHaveLength(0);
  });
});
