// Drives Relay as an app would: relay-compiler (its defaults, from the npm package's own binary) turns
// graphql`` documents into artifacts against a schema's SDL, and relay-runtime's Environment (default
// getDataID, default handlers) runs them against the schema in process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql, printSchema, type GraphQLSchema } from 'graphql';
import { Environment, Network, RecordSource, Store, type GraphQLResponse } from 'relay-runtime';

/** What relay-compiler made of the documents: each artifact by name, or the compiler's complaint. */
export type Compiled =
  { readonly ok: true; readonly artifacts: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly output: string };

// The package exports the path of its binary for this platform (null where it ships none).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const relayBinary = require('relay-compiler') as string | null;

/**
 * Compiles `documents` (the text of a module named `module`, with graphql`` tags) against
 * `schema` in a fresh directory, with relay-compiler's defaults apart from emitting CommonJS.
 */
export function compileRelay(schema: GraphQLSchema, module: string, documents: string): Compiled {
  if (relayBinary === null) throw new Error(`relay-compiler ships no binary for ${process.platform} ${process.arch}`);
  const root = mkdtempSync(join(tmpdir(), 'pagewise-relay-'));
  try {
    mkdirSync(join(root, 'src'));
    mkdirSync(join(root, '__generated__'));
    writeFileSync(join(root, 'schema.graphql'), printSchema(schema));
    writeFileSync(join(root, 'src', `${module}.js`), documents);
    writeFileSync(
      join(root, 'relay.config.json'),
      JSON.stringify({
        src: './src',
        schema: './schema.graphql',
        language: 'javascript',
        artifactDirectory: './__generated__',
        eagerEsModules: false,
      }),
    );
    const run = spawnSync(relayBinary, [], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) return { ok: false, output: `${run.stdout}${run.stderr}` };
    const artifacts: Record<string, unknown> = {};
    for (const file of readdirSync(join(root, '__generated__'))) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      artifacts[file.replace(/\.graphql\.js$/, '')] = require(join(root, '__generated__', file));
    }
    return { ok: true, artifacts };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Every request the environment sent: the operation's name and its variables. */
export interface SentRequest {
  readonly name: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/**
 * A relay-runtime Environment over `schema`, each request executed with a fresh context object (one
 * HTTP request each), recorded in `sent`.
 */
export function relayEnvironment(schema: GraphQLSchema, sent: SentRequest[] = []): Environment {
  const network = Network.create(async (params, variables) => {
    sent.push({ name: params.name, variables });
    const result = await graphql({ schema, source: params.text ?? '', variableValues: variables, contextValue: {} });
    return result as GraphQLResponse;
  });
  return new Environment({ network, store: new Store(new RecordSource()) });
}

/** A relay-runtime Environment over a GraphQL endpoint at `url` (a server of the tests' own, on loopback). */
export function relayHttpEnvironment(url: string, sent: SentRequest[] = []): Environment {
  const network = Network.create(async (params, variables) => {
    sent.push({ name: params.name, variables });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: params.text, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  });
  return new Environment({ network, store: new Store(new RecordSource()) });
}
