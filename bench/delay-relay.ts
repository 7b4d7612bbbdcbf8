// `delay-relay.ts <port> <round trip ms>`: a TCP relay on a loopback ephemeral port in front of
// 127.0.0.1:<port>, adding <round trip> ms to every round trip (a database on another host), in a
// process of its own; prints `{"port": …}` and runs until SIGTERM.
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP relay on loopback that holds every chunk towards the database `delayMs` before passing it on,
 * and passes the answers at once: a round trip `delayMs` longer, as across a link of that round trip
 * (same order, no bandwidth limit). One direction only, because timers round up to whole
 * milliseconds: 1 ms each way measured 2–3.5 ms a round trip, not 1.
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
      const delay = from === client ? delayMs : 0;
      from.on('data', (chunk) => (delay > 0 ? setTimeout(() => to.write(chunk), delay) : to.write(chunk)));
      from.on('end', () => (delay > 0 ? setTimeout(() => to.end(), delay) : to.end()));
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
