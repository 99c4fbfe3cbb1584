import { describe, expect, it } from '@jest/globals';
import { decodeJwt, randomString, s256 } from './pkce';
import { jwt } from './testing';

describe('pkce', () => {
  it('makes random verifiers of unreserved characters', () => {
    const a = randomString();
    expect(a).toHaveLength(64);
    expect(a).toMatch(/^[A-Za-z0-9\-._~]{64}$/);
    expect(randomString()).not.toBe(a);
    expect(randomString(43)).toHaveLength(43);
  });

  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    await expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('decodes JWT claims, including non-ASCII names', () => {
    expect(decodeJwt(jwt({ name: 'Åsa Strøm', n: 1 }))).toEqual({ name: 'Åsa Strøm', n: 1 });
    expect(() => decodeJwt('nope')).toThrow();
  });
});
