// A server process of bench/http-throughput: `http-server.ts <sqlite file>` serves benchApp on an
// ephemeral loopback port and prints `{"port": …}` on stdout. One process, as one gunicorn worker.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleDatabase } from './fixtures';
import { benchApp } from './http-apps';

async function main(): Promise<void> {
  const orm = await articleDatabase(process.argv[2]!);
  const server = createServer(benchApp(orm, process.argv[2]!));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void orm.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
