/** The targets of an RFC 8288 Link header; a null target is left out. */
export interface LinkTargets {
  readonly next?: string | null;
  readonly prev?: string | null;
  readonly first?: string | null;
  readonly last?: string | null;
}

/** An RFC 8288 `Link` header value (`<url>; rel="next", ...`), or null when there is no target. */
export function linkHeader(targets: LinkTargets): string | null {
  const parts = (['next', 'prev', 'first', 'last'] as const)
    .filter((rel) => typeof targets[rel] === 'string')
    .map((rel) => `<${targets[rel]}>; rel="${rel}"`);
  return parts.length > 0 ? parts.join(', ') : null;
}
