// `npm start`: opens (and on first start creates and seeds) the database, serves the demo, prints its
// URLs, and shuts down gracefully on SIGINT and SIGTERM.
import { dialectOf, openDatabase } from './database';
import { isSeeded, progressBar, seed } from './seed';
import { startDemo } from './server';

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'] || undefined;
  const port = Number(process.env['PORT'] ?? 3000);
  const host = process.env['HOST'] ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env['PORT']}`);

  const sqliteFile = process.env['DEMO_SQLITE_FILE'] || '.data/demo.sqlite';
  const articles = Number(process.env['DEMO_ARTICLES'] ?? 100_000);
  console.log(`Opening the ${dialectOf(url)} database${url ? '' : ` (${sqliteFile})`}…`);
  const orm = await openDatabase({ url, sqliteFile });
  if (!(await isSeeded(orm))) {
    const counts = await seed(orm, { articles, progress: progressBar((text) => process.stdout.write(text)) });
    console.log(`Seeded ${counts.authors} authors, ${counts.articles} articles, ${counts.comments} comments.`);
  }
  const demo = await startDemo(orm, {
    port,
    host,
    ...(process.env['CURSOR_SECRET'] ? { cursorSecret: process.env['CURSOR_SECRET'] } : {}),
  });
  console.log(`
pagewise demo is ready:
  page     ${demo.origin}/
  GraphQL  ${demo.origin}/graphql
  REST     ${demo.origin}/api/articles  ${demo.origin}/api/articles/cursor  ${demo.origin}/api/articles/offset
Stop with Ctrl+C.`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    demo
      .close()
      .then(() => orm.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
