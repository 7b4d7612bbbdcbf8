import { unquotePlus } from '../core/internal';

/** What the REST adapter reads of a request: the target as sent, the headers, the method. */
export interface RestRequest {
  /** The request target as sent (`/articles/?page=2`), or an absolute URL. */
  readonly url: string;
  /** Headers with lower-case names, as node:http gives them. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The HTTP method (default GET). */
  readonly method?: string | undefined;
  /** Whether the connection itself is TLS; the glue reads it from the socket. */
  readonly encrypted?: boolean | undefined;
}

/** How the absolute URL of links is built from a request. */
export interface UrlOptions {
  /**
   * Honour `X-Forwarded-Proto` and `X-Forwarded-Host` (Django's `SECURE_PROXY_SSL_HEADER` and
   * `USE_X_FORWARDED_HOST`). Only behind a proxy that sets them: a client could forge them otherwise.
   */
  readonly trustProxy?: boolean;
  /** A fixed scheme and host for every link (`https://api.example.org`); wins over the request. */
  readonly origin?: string;
}

// Django's host_validation_re: a host that could not be in a URL is refused, never echoed in a link.
const VALID_HOST = /^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(:[0-9]+)?$/;
// Django's escape_uri_path keeps these unescaped (RFC 3986 pchar plus '/').
const PATH_SAFE = /[A-Za-z0-9_.\-~/:@&+$,!*'()]/;
const utf8 = new TextEncoder();

function header(request: RestRequest, name: string): string | undefined {
  const value = request.headers[name];
  const text = typeof value === 'string' ? value : value?.join(', ');
  // A proxy chain appends: the first value is the client-facing one.
  return text === undefined ? undefined : (text.split(',')[0] ?? '').trim();
}

// A path of only characters escape_uri_path keeps, with nothing to decode (no `%`, no `+`): itself.
const PLAIN_PATH = /^[A-Za-z0-9_.\-~/:@&$,!*'()]*$/;

/** Django's `escape_uri_path` over the decoded path: `/a%20b/` and `/a b/` both give `/a%20b/`. */
function escapePath(raw: string): string {
  if (PLAIN_PATH.test(raw)) return raw;
  const decoded = unquotePlus(raw.replace(/\+/g, '%2B'));
  let out = '';
  for (const char of decoded) {
    if (PATH_SAFE.test(char)) out += char;
    else for (const byte of utf8.encode(char)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/**
 * The request's absolute URL as Django's `build_absolute_uri()` gives it: scheme, host (with a
 * non-default port when the Host header has one), the escaped path and the raw query string. Null
 * when the host is missing or malformed (the caller answers 400).
 */
export function absoluteUrl(request: RestRequest, options: UrlOptions = {}): string | null {
  let target = request.url;
  let scheme = request.encrypted ? 'https' : 'http';
  let host = header(request, 'host');
  const absolute = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(target);
  if (absolute) {
    scheme = absolute[1]!.toLowerCase();
    host = absolute[2];
    target = absolute[3] || '/';
  }
  if (options.trustProxy) {
    const proto = header(request, 'x-forwarded-proto');
    if (proto !== undefined) scheme = proto.toLowerCase() === 'https' ? 'https' : 'http';
    host = header(request, 'x-forwarded-host') ?? host;
  }
  const hash = target.indexOf('#');
  const withoutFragment = hash < 0 ? target : target.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  const path = escapePath(question < 0 ? withoutFragment : withoutFragment.slice(0, question)) || '/';
  const query = question < 0 ? '' : withoutFragment.slice(question + 1);
  const tail = path + (query ? `?${query}` : '');
  if (options.origin !== undefined) return options.origin.replace(/\/+$/, '') + tail;
  if (!host || !VALID_HOST.test(host.toLowerCase())) return null;
  const url = `${scheme}://${host}${tail}`;
  // A host the pattern lets through but WHATWG URL refuses (port 99999, a malformed IPv6 literal) is
  // a bad request too: links and cursor scopes are made with URL.
  return URL.canParse(url) ? url : null;
}
