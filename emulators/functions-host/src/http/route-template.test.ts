import { compileRoute, comparePrecedence, parseTemplate } from './route-template';

describe('compileRoute', () => {
  it('matches literal routes under the prefix, case-insensitively, with an optional trailing slash', () => {
    const route = compileRoute('api', 'health/storage');
    expect(route.match('/api/health/storage')).toEqual({});
    expect(route.match('/API/Health/Storage/')).toEqual({});
    expect(route.match('/api/health')).toBeNull();
    expect(route.match('/health/storage')).toBeNull();
  });

  it('works without a prefix and with a leading slash in the template', () => {
    expect(compileRoute('', '/items').match('/items')).toEqual({});
    expect(compileRoute('api', '').match('/api')).toEqual({});
  });

  it('captures and decodes parameters', () => {
    expect(compileRoute('api', 'users/{id}/posts/{postId}').match('/api/users/a%20b/posts/7')).toEqual({ id: 'a b', postId: '7' });
  });

  it('keeps encoded slashes encoded inside a value', () => {
    expect(compileRoute('api', 'users/{id}').match('/api/users/a%2Fb')).toEqual({ id: 'a%2Fb' });
  });

  it('handles optional parameters and defaults', () => {
    const optional = compileRoute('api', 'items/{id?}');
    expect(optional.match('/api/items')).toEqual({});
    expect(optional.match('/api/items/3')).toEqual({ id: '3' });
    expect(compileRoute('api', 'page/{n=1}').match('/api/page')).toEqual({ n: '1' });
  });

  it('handles catch-all parameters ({*x} and {**x}), including empty', () => {
    const route = compileRoute('api', 'files/{*path}');
    expect(route.match('/api/files/a/b/c.txt')).toEqual({ path: 'a/b/c.txt' });
    expect(route.match('/api/files')).toEqual({});
    expect(compileRoute('api', 'raw/{**rest}').match('/api/raw/x/y')).toEqual({ rest: 'x/y' });
  });

  it('evaluates constraints', () => {
    const route = compileRoute('api', 'items/{id:int}');
    expect(route.match('/api/items/12')).toEqual({ id: '12' });
    expect(route.match('/api/items/-3')).toEqual({ id: '-3' });
    expect(route.match('/api/items/1.5')).toBeNull();
    expect(route.match('/api/items/99999999999')).toBeNull();
    expect(compileRoute('api', 'g/{id:guid}').match('/api/g/3f2504e0-4f89-11d3-9a0c-0305e82c3301')).not.toBeNull();
    expect(compileRoute('api', 'g/{id:guid}').match('/api/g/nope')).toBeNull();
    expect(compileRoute('api', 'r/{n:range(1,5)}').match('/api/r/6')).toBeNull();
    expect(compileRoute('api', 'r/{n:min(1):max(5)}').match('/api/r/5')).toEqual({ n: '5' });
    expect(compileRoute('api', 'a/{s:alpha:length(2,3)}').match('/api/a/abc')).toEqual({ s: 'abc' });
    expect(compileRoute('api', 'a/{s:alpha:length(2,3)}').match('/api/a/abcd')).toBeNull();
    expect(compileRoute('api', 'b/{flag:bool}').match('/api/b/True')).toEqual({ flag: 'True' });
  });

  it('supports regex constraints with commas, parentheses and escaped braces', () => {
    const route = compileRoute('api', 'codes/{code:regex(^[A-Z]{{2,3}}(-\\d+)?$)}');
    expect(route.match('/api/codes/AB-12')).toEqual({ code: 'AB-12' });
    expect(route.match('/api/codes/ABCD')).toBeNull();
  });

  it('tolerates unknown constraints (reported, not evaluated)', () => {
    const route = compileRoute('api', 'x/{id:slugify}');
    expect(route.ignoredConstraints).toEqual(['slugify']);
    expect(route.match('/api/x/anything')).toEqual({ id: 'anything' });
  });

  it('supports complex segments like {name}.{ext?}', () => {
    const route = compileRoute('api', 'docs/{name}.{ext?}');
    expect(route.match('/api/docs/report.v2.pdf')).toEqual({ name: 'report.v2', ext: 'pdf' });
    expect(route.match('/api/docs/readme')).toEqual({ name: 'readme' });
  });

  it('rejects malformed templates', () => {
    expect(() => compileRoute('api', 'a/{id')).toThrow(/unclosed/);
    expect(() => compileRoute('api', 'a/id}')).toThrow(/unmatched/);
    expect(() => compileRoute('api', 'a/{*rest}/b')).toThrow(/catch-all/);
    expect(() => compileRoute('api', 'a/{}')).toThrow(/empty parameter/);
  });
});

describe('precedence', () => {
  it('orders literal < constrained < parameter < catch-all, segment by segment', () => {
    const precedence = (template: string): number[] => compileRoute('api', template).precedence;
    const sorted = ['things/{*rest}', 'things/{name}', 'things/{id:int}', 'things/special'].sort((a, b) =>
      comparePrecedence(precedence(a), precedence(b)),
    );
    expect(sorted).toEqual(['things/special', 'things/{id:int}', 'things/{name}', 'things/{*rest}']);
  });

  it('treats {{ and }} as literal braces', () => {
    expect(parseTemplate('a{{b}}')).toEqual([[{ kind: 'literal', text: 'a{b}' }]]);
  });
});
