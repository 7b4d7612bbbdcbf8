import { parsePythonInt, positiveInt } from 'pagewise/internal';

describe('parsePythonInt (Python int(str), reference §1.4)', () => {
  it.each([
    ['5', 5n],
    [' 5 ', 5n],
    ['+5', 5n],
    ['\t5\n', 5n],
    ['1_0', 10n],
    ['\u0662', 2n],
    ['\u0661\u0660', 10n],
    ['\u{1D7D9}', 1n],
    ['\u{1D7E4}', 2n],
    ['-3', -3n],
    ['007', 7n],
    ['\u00a0\u30003\u2003', 3n],
    ['\x1c4\x1f', 4n],
    ['99999999999999999999', 99999999999999999999n],
  ])('%j is %s', (text, expected) => {
    expect(parsePythonInt(text)).toBe(expected);
  });

  it.each(['', ' ', '2.0', '2abc', '0x2', '1e3', 'abc', '_1', '1_', '1__0', '+_1', '- 1', '+', '--1', '1 2', '\u200b1'])(
    '%j is not an integer',
    (text) => {
      expect(parsePythonInt(text)).toBeNull();
    },
  );
});

describe('positiveInt (DRF _positive_int)', () => {
  it.each([
    ['5', {}, 5],
    ['0', {}, 0],
    ['0', { strict: true }, null],
    ['-1', {}, null],
    ['abc', {}, null],
    ['30', { cutoff: 20 }, 20],
    ['30', { cutoff: 0 }, 30],
    ['30', { cutoff: null }, 30],
    [7, { strict: true }, 7],
    [0, { strict: true }, null],
    [-2, {}, null],
    [1.5, {}, null],
    ['99999999999999999999', {}, Number.MAX_SAFE_INTEGER],
    ['99999999999999999999', { cutoff: 1000 }, 1000],
  ] as const)('%j with %j is %j', (value, options, expected) => {
    expect(positiveInt(value, options)).toBe(expected);
  });
});
