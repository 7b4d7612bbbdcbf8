// `delay-relay.ts <port> <delay ms>`: a TCP relay on a loopback ephemeral port in front of
// 127.0.0.1:<port>, holding every chunk <delay> ms each way (a database on another host), in a process
// of its own; prints `{"port": …}` and runs until SIGTERM.
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP relay on loopback that holds every chunk `delayMs` before passing it on, each way: the
 * database as a service on another host sees it (same order, added latency, no bandwidth limit).
 */
export async function delayLink(targetPort: number, delayMs: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection(targetPort, '127.0.0.1');
    // No Nagle: coalescing small writes against delayed ACKs would add ~40 ms stalls a link has not.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => setTimeout(() => to.write(chunk), delayMs));
      from.on('end', () => setTimeout(() => to.end(), delayMs));
      from.on('error', () => to.destroy());
      from.on('close', () => sockets.delete(from));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function main(): Promise<void> {
  const link = await delayLink(Number(process.argv[2]), Number(process.argv[3] ?? 1));
  process.stdout.write(`${JSON.stringify({ port: link.port })}\n`);
  process.on('SIGTERM', () => void link.close().then(() => process.exit(0)));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
