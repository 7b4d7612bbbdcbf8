import { compareKeyValues, parseKeyValue, pythonStr, serializeKeyValue, typeOfValue, type FieldType } from 'pagewise/internal';

describe('pythonStr (what DRF writes as a position, reference §4.4)', () => {
  it.each([
    [5, '5'],
    [-12, '-12'],
    [10n ** 20n, '100000000000000000000'],
    [true, 'True'],
    [false, 'False'],
    [null, 'None'],
    [undefined, 'None'],
    ['café', 'café'],
    [new Date('2020-01-02T03:04:05.678Z'), '2020-01-02 03:04:05.678000+00:00'],
    [new Date('2020-01-02T03:04:05.000Z'), '2020-01-02 03:04:05+00:00'],
  ])('%p is %j', (value, text) => {
    expect(pythonStr(value)).toBe(text);
  });
});

describe('parseKeyValue (by declared type, never guessed)', () => {
  it.each<[string | null, FieldType, unknown]>([
    ['42', 'number', 42],
    ['-1.5e3', 'number', -1500],
    ['.5', 'number', 0.5],
    ['42', 'string', '42'],
    ['12345678901234567890', 'bigint', 12345678901234567890n],
    ['-7', 'bigint', -7n],
    ['true', 'boolean', true],
    ['True', 'boolean', true],
    ['false', 'boolean', false],
    ['False', 'boolean', false],
    ['2020-01-02T03:04:05.678Z', 'date', new Date('2020-01-02T03:04:05.678Z')],
    ['2020-01-02 03:04:05.678000+00:00', 'date', new Date('2020-01-02T03:04:05.678Z')],
    ['2020-01-02 05:04:05+02:00', 'date', new Date('2020-01-02T03:04:05.000Z')],
    ['2020-01-02T03:04:05-01:30', 'date', new Date('2020-01-02T04:34:05.000Z')],
    ['2020-01-02T03:04:05', 'date', new Date('2020-01-02T03:04:05.000Z')],
    [null, 'number', null],
  ])('%j as %s', (text, type, value) => {
    expect(parseKeyValue(text, type)).toEqual(value);
  });

  it.each<[string, FieldType]>([
    ['abc', 'number'],
    ['', 'number'],
    ['1e999', 'number'],
    ['0x10', 'number'],
    ['1.5', 'bigint'],
    ['yes', 'boolean'],
    ['2020-13-01T00:00:00Z', 'date'],
    ['2020-01-01T25:00:00Z', 'date'],
    ['yesterday', 'date'],
  ])('%j is no %s: INVALID_CURSOR', (text, type) => {
    expect(() => parseKeyValue(text, type)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });

  it('serializes what it parses', () => {
    const date = new Date('2021-06-30T12:30:00.123Z');
    expect(parseKeyValue(serializeKeyValue(date), 'date')).toEqual(date);
    expect(parseKeyValue(serializeKeyValue(2n ** 70n), 'bigint')).toBe(2n ** 70n);
    expect(parseKeyValue(serializeKeyValue(0.1 + 0.2), 'number')).toBe(0.1 + 0.2);
    expect(serializeKeyValue(undefined)).toBeNull();
  });
});

describe('typeOfValue and compareKeyValues', () => {
  it.each([
    ['x', 'string'],
    [1, 'number'],
    [1n, 'bigint'],
    [false, 'boolean'],
    [new Date(0), 'date'],
    [null, null],
    [{}, null],
  ])('%p is %p', (value, type) => {
    expect(typeOfValue(value)).toBe(type);
  });

  it.each([
    [1, 2, -1],
    [2n, 1n, 1],
    [3n, 3, 0],
    [2n, 2.5, -1],
    [true, false, 1],
    ['a', 'B', 1],
    [new Date(1), new Date(0), 1],
  ])('%p vs %p', (a, b, sign) => {
    expect(Math.sign(compareKeyValues(a, b, 'last'))).toBe(sign);
  });

  it('places NULL last or first', () => {
    expect(compareKeyValues(null, 1, 'last')).toBeGreaterThan(0);
    expect(compareKeyValues(null, 1, 'first')).toBeLessThan(0);
    expect(compareKeyValues(1, undefined, 'first')).toBeGreaterThan(0);
    expect(compareKeyValues(null, undefined, 'first')).toBe(0);
  });
});

describe('parseKeyValue: dates on the calendar only (issue 14, item 5)', () => {
  it.each([
    '2024-02-30 00:00:00',
    '0000-01-01 00:00:00',
    '2024-13-45 25:61:61',
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00',
    '2024-01-01T24:00:00',
  ])('%j is INVALID_CURSOR, never rolled over', (text) => {
    expect(() => parseKeyValue(text, 'date')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });

  it.each([
    ['2024-02-29 00:00:00', '2024-02-29T00:00:00.000Z'],
    ['0024-03-01T00:00:00Z', '0024-03-01T00:00:00.000Z'],
    ['0001-01-01 00:30:00+01:00', '0000-12-31T23:30:00.000Z'],
  ])('%j is %s (years below 100 kept, not read as 19xx)', (text, iso) => {
    expect((parseKeyValue(text, 'date') as Date).toISOString()).toBe(iso);
  });
});
