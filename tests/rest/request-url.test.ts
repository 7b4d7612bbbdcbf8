import { absoluteUrl, type RestRequest } from 'pagewise/rest';

const request = (url: string, headers: RestRequest['headers'] = { host: 'api.test' }, encrypted = false): RestRequest => ({
  url,
  headers,
  encrypted,
});

describe('absoluteUrl (Django build_absolute_uri)', () => {
  it('escapes each printable ASCII character of a path as escape_uri_path does', () => {
    // Django's escape_uri_path keeps RFC 3986's unreserved characters and /:@&+$,!~*'(); `%` starts
    // an escape (decoded first) and is left to the cases above.
    const kept = /[A-Za-z0-9\-_.~/:@&+$,!*'()]/;
    for (let code = 0x21; code < 0x7f; code += 1) {
      const char = String.fromCharCode(code);
      if (char === '%' || char === '?' || char === '#') continue;
      const expected = kept.test(char) ? char : `%${code.toString(16).toUpperCase()}`;
      expect([char, absoluteUrl(request(`/a${char}b/`))]).toEqual([char, `http://api.test/a${expected}b/`]);
    }
  });

  it.each([
    ['a path and its raw query', request('/articles/?b=2&a=%20x'), {}, 'http://api.test/articles/?b=2&a=%20x'],
    ['a TLS connection', request('/', { host: 'api.test' }, true), {}, 'https://api.test/'],
    ['the port of the Host header', request('/', { host: '127.0.0.1:8000' }), {}, 'http://127.0.0.1:8000/'],
    ['an IPv6 host', request('/', { host: '[::1]:8000' }), {}, 'http://[::1]:8000/'],
    ['a path escaped as escape_uri_path does', request('/caf%C3%A9 d/a+b/'), {}, 'http://api.test/caf%C3%A9%20d/a+b/'],
    ['a path of only kept characters, as it is', request("/a-b_c.d~e/:@&$,!*'()/Z9/"), {}, "http://api.test/a-b_c.d~e/:@&$,!*'()/Z9/"],
    ['an escaped kept character, decoded', request('/%41%2Fb/'), {}, 'http://api.test/A/b/'],
    ['a raw character Django escapes', request('/a"b<c>/é/'), {}, 'http://api.test/a%22b%3Cc%3E/%C3%A9/'],
    ['an empty path', request(''), {}, 'http://api.test/'],
    ['a fragment left out', request('/a?x=1#top'), {}, 'http://api.test/a?x=1'],
    ['an absolute request target', request('http://other.test:81/list/?page=2', {}), {}, 'http://other.test:81/list/?page=2'],
    [
      'forwarded headers ignored unless trusted',
      request('/', { host: 'api.test', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.test' }),
      {},
      'http://api.test/',
    ],
    [
      'forwarded headers when trusted, first of a chain',
      request('/l/', { host: 'app:3000', 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'api.example.org, app:3000' }),
      { trustProxy: true },
      'https://api.example.org/l/',
    ],
    [
      'a forwarded proto of http over TLS',
      request('/', { host: 'api.test', 'x-forwarded-proto': 'http' }, true),
      { trustProxy: true },
      'http://api.test/',
    ],
    [
      'a fixed origin over everything',
      request('/l/?page=2', { host: 'app:3000' }),
      { origin: 'https://api.example.org/' },
      'https://api.example.org/l/?page=2',
    ],
  ])('keeps %s', (_case, req, options, expected) => {
    expect(absoluteUrl(req, options)).toBe(expected);
  });

  it.each([
    ['no Host header', request('/', {})],
    ['a Host header with a path', request('/', { host: 'evil.test/x' })],
    ['a Host header with markup', request('/', { host: '<script>' })],
    ['a forged forwarded host', request('/', { host: 'api.test', 'x-forwarded-host': 'a b' })],
    // The pattern lets these through; URL does not, and links and cursor scopes are made with URL.
    ['a port out of range', request('/', { host: 'example.com:99999' })],
    ['a malformed IPv6 literal', request('/', { host: '[::::::::::]' })],
  ])('refuses %s', (_case, req) => {
    expect(absoluteUrl(req, { trustProxy: true })).toBeNull();
  });
});
