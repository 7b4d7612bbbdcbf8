// Runs a codegen config (its path the first argument) in memory and prints its outputs as JSON
// ({filename, content}[]) for the codegen tests: the codegen CLI is ESM that jest cannot load, so
// this runs under tsx.
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

async function main(configFilePath: string): Promise<void> {
  const { config } = await loadCodegenConfig({ configFilePath });
  const outputs = await generate({ ...config, cwd: process.cwd(), silent: true, hooks: {} }, false);
  process.stdout.write(
    JSON.stringify(outputs.map(({ filename, content }: { filename: string; content: string }) => ({ filename, content }))),
  );
}

main(process.argv[2] ?? 'codegen.yml').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
