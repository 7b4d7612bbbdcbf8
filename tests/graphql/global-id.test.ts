import { GraphQLError } from 'graphql';
import * as relay from 'graphql-relay';
import { fromGlobalId, intId, toGlobalId } from 'pagewise/graphql';

const invalidArgument = (message: string, argumentName = 'id') => ({
  message,
  extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_ARGUMENT', argumentName },
});

function thrown(work: () => unknown): { message: string; extensions: unknown } {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { message, extensions } = error as GraphQLError;
    return { message, extensions };
  }
  throw new Error('expected an error');
}

describe('toGlobalId / fromGlobalId, as graphql-relay writes them', () => {
  it.each<[string, string | number]>([
    ['Article', 3],
    ['Article', 0],
    ['Article', -12],
    ['Comment', 9007199254740991],
    ['User', 'alice'],
    ['User', 'a:b:c'],
    ['Café', 'naïve ☕ 🚀'],
    ['_Private', '  spaced  '],
  ])('%s %p: the same text as graphql-relay, read back by both', (type, id) => {
    const globalId = toGlobalId(type, id);
    expect(globalId).toBe(relay.toGlobalId(type, id));
    expect(relay.fromGlobalId(globalId)).toEqual({ type, id: String(id) });
    if (/^[_A-Za-z][_0-9A-Za-z]*$/.test(type)) expect(fromGlobalId(globalId)).toEqual({ type, id: String(id) });
  });

  it('toGlobalId("Article", 3) is the documented example', () => {
    expect(toGlobalId('Article', 3)).toBe('QXJ0aWNsZToz');
  });

  it('refuses a fractional id, as graphql-relay (GraphQLID) does', () => {
    expect(() => toGlobalId('Article', 1.5)).toThrow('ID cannot represent value: 1.5');
    expect(() => relay.toGlobalId('Article', 1.5)).toThrow('ID cannot represent value: 1.5');
  });

  it.each([
    ['not base64', 'not base64!'],
    ['empty', ''],
    ['base64 without its padding', relay.toGlobalId('Article', 3).replace(/=+$/, '') + 'A'],
    ['unpadded where padding is due', 'QXJ0aWNsZToxMA'],
    ['a second spelling of one id (whitespace inside)', 'QXJ0 aWNsZToz'],
    ['no colon', Buffer.from('Article3').toString('base64')],
    ['no type', Buffer.from(':3').toString('base64')],
    ['no id', Buffer.from('Article:').toString('base64')],
    ['a type that is not a GraphQL name', Buffer.from('Bad-Type:3').toString('base64')],
    ['not UTF-8', Buffer.from([0x41, 0x3a, 0xff]).toString('base64')],
    ['the integer graphql-relay would never write', '3'],
  ])('%s: INVALID_ARGUMENT (graphql-relay never rejects one)', (_name, globalId) => {
    expect(thrown(() => fromGlobalId(globalId))).toEqual(invalidArgument('Invalid id: not a global id.'));
  });

  it('names the argument it was given', () => {
    expect(thrown(() => fromGlobalId('nope', { argument: 'ids' }))).toEqual(invalidArgument('Invalid id: not a global id.', 'ids'));
  });

  it('checks the expected type', () => {
    const comment = toGlobalId('Comment', 3);
    expect(fromGlobalId(comment, { expected: ['Article', 'Comment'] })).toEqual({ type: 'Comment', id: '3' });
    expect(thrown(() => fromGlobalId(comment, { expected: 'Article', argument: 'articleId' }))).toEqual(
      invalidArgument('Invalid id: not the id of Article.', 'articleId'),
    );
    expect(thrown(() => fromGlobalId(comment, { expected: ['Article', 'Author'] }))).toEqual(
      invalidArgument('Invalid id: not the id of Article or Author.'),
    );
  });
});

describe('intId', () => {
  it.each<[string, number | undefined]>([
    ['0', 0],
    ['7', 7],
    ['-7', -7],
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', undefined],
    ['007', undefined],
    ['-0', undefined],
    ['1e3', undefined],
    ['1.0', undefined],
    [' 7', undefined],
    ['', undefined],
    ['abc', undefined],
  ])('%p -> %p', (text, value) => {
    expect(intId(text)).toBe(value);
  });
});
