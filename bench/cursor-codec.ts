// bench/cursor-codec: the cost of one cursor, in microseconds: signing (portable hmacSigner, native
// nodeHmacSigner) against node:crypto's bare HMAC, encoding/decoding a signed `exact` cursor against
// a bare base64 round trip, and a row's signed cursor against the hand-written one of
// bench/hand-written.ts (base64url JSON + node:crypto HMAC-SHA-256, what graphql-overhead compares
// with). Each ratio is measured in this process with interleaved rounds.
import { createHmac } from 'node:crypto';
// The codec is core's internal module (not a package entry): read from the sources, as the ratios
// here compare encoders with each other in one process.
import { decodeCursor, encodeCursor, hmacSigner, type Cursor, type CursorCodecOptions, type CursorSigner } from '../src/core/internal';
import { nodeHmacSigner } from 'pagewise/node';
import { handCursors, SECRET as HAND_SECRET } from './hand-written';
import { ratioOf, type BenchResult } from './measure';

const SECRET = 'a bench secret of enough length';
const OPS = 2000;
const PAYLOAD =
  'exact:-created,id\np=2024-01-02+03%3A04%3A05.678000%2B00%3A00&k=%5B%22x1%22%2C%222024-01-02T03%3A04%3A05.678Z%22%2C%2242%22%5D';
const CURSOR: Cursor = { offset: 0, reverse: false, position: '2024-01-02 03:04:05.678000+00:00', key: ['2024-01-02T03:04:05.678Z', '42'] };

/** `run` OPS times, as one timed unit (a single cursor operation is below the timer's resolution). */
const batch = (run: (i: number) => unknown) => async (): Promise<void> => {
  for (let i = 0; i < OPS; i += 1) run(i);
};

const micros = (ms: number): string => `${((ms * 1000) / OPS).toFixed(2)} µs`;

async function line(
  measure: string,
  subject: () => Promise<void>,
  baseline: () => Promise<void>,
  baselineName: string,
): Promise<BenchResult> {
  const { ratio, subjectMs, baselineMs } = await ratioOf(subject, baseline, { rounds: 60, warmup: 10 });
  return { bench: 'cursor-codec', measure, ratio, target: null, detail: `${micros(subjectMs)} vs ${baselineName} ${micros(baselineMs)}` };
}

/** Runs the cursor codec benchmark (no database). */
export async function cursorCodec(): Promise<BenchResult[]> {
  const bare = batch((i) =>
    createHmac('sha256', SECRET)
      .update(PAYLOAD + i)
      .digest(),
  );
  const signers: ReadonlyArray<readonly [string, CursorSigner]> = [
    ['hmacSigner.sign', hmacSigner(SECRET)],
    ['nodeHmacSigner.sign', nodeHmacSigner(SECRET)],
  ];
  const results: BenchResult[] = [];
  for (const [name, signer] of signers) {
    results.push(
      await line(
        name,
        batch((i) => signer.sign(PAYLOAD + i)),
        bare,
        'createHmac',
      ),
    );
  }
  const roundTrip = batch(() => atob(btoa(PAYLOAD)));
  const codecs: ReadonlyArray<readonly [string, CursorCodecOptions]> = [
    ['unsigned', { scope: 'exact:-created,id' }],
    ['hmacSigner', { scope: 'exact:-created,id', signer: hmacSigner(SECRET) }],
    ['nodeHmacSigner', { scope: 'exact:-created,id', signer: nodeHmacSigner(SECRET) }],
  ];
  for (const [name, options] of codecs) {
    const encoded = encodeCursor(CURSOR, options);
    results.push(
      await line(
        `encodeCursor, ${name}`,
        batch(() => encodeCursor(CURSOR, options)),
        roundTrip,
        'atob(btoa)',
      ),
    );
    results.push(
      await line(
        `decodeCursor, ${name}`,
        batch(() => decodeCursor(encoded, options)),
        roundTrip,
        'atob(btoa)',
      ),
    );
  }
  // A bench row's cursor (`-created`, id appended) both ways: pagewise's exact cursor (position and
  // key, scoped, signed) against the hand-written `[created, id]` one, each with its own HMAC.
  const row = { id: 42, title: 'article 42', views: 1, created: 1_704_067_221 };
  const rowCursor: Cursor = { offset: 0, reverse: false, position: String(row.created), key: [String(row.created), String(row.id)] };
  const rowOptions: CursorCodecOptions = { scope: 'exact:-created,-id@Query.articles', signer: nodeHmacSigner(HAND_SECRET) };
  const hand = handCursors(true);
  const [mine, theirs] = [encodeCursor(rowCursor, rowOptions), hand.encode(row)];
  results.push(
    await line(
      'encodeCursor of a row, nodeHmacSigner / hand-written signed cursor',
      batch(() => encodeCursor(rowCursor, rowOptions)),
      batch(() => hand.encode(row)),
      'hand-written',
    ),
    await line(
      'decodeCursor of a row, nodeHmacSigner / hand-written signed cursor',
      batch(() => decodeCursor(mine, rowOptions)),
      batch(() => hand.decode(theirs)),
      'hand-written',
    ),
  );
  return results;
}
