import { decodeCursor, encodeCursor, type CursorCodecOptions } from './cursor-codec';
import { PaginationError } from './errors';

// Page-number and limit-offset connections use DRF's cursor format too: the position is the row's
// absolute index in the list, so `after`/`before` work on every style (DESIGN.md, "Cursors").

const SCOPE = 'offset';

/** The cursor of the row at absolute index `index` of an offset-based list. */
export function encodeOffsetCursor(index: number, options: Pick<CursorCodecOptions, 'signer'> = {}): string {
  return encodeCursor({ offset: 0, reverse: false, position: String(index) }, { ...options, scope: SCOPE });
}

/** The absolute index an offset cursor names; throws INVALID_CURSOR for anything else. */
export function decodeOffsetCursor(cursor: string, options: Pick<CursorCodecOptions, 'signer' | 'argument'> = {}): number {
  const decoded = decodeCursor(cursor, { ...options, scope: SCOPE });
  const position = decoded.position;
  if (position === null || !/^\d{1,15}$/.test(position) || decoded.offset !== 0 || decoded.reverse || decoded.key) {
    throw PaginationError.invalidCursor('Invalid cursor', options.argument);
  }
  return Number(position);
}
