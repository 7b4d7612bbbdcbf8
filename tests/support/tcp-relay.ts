// A TCP relay on a loopback ephemeral port in front of a database, for outage tests: it can
// black-hole new connections (accept, never forward), freeze established ones (stop forwarding both
// ways, as a network that drops every packet) and reset them, and be restored.
import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';

/** One relayed connection: the client's socket and the database's. */
interface Pair {
  readonly client: Socket;
  readonly upstream: Socket;
}

/** A running relay and its controls. */
export interface TcpRelay {
  /** The loopback port to connect to instead of the database's. */
  readonly port: number;
  /** New connections are accepted and then never forwarded (a host that does not answer). */
  blackHole(): void;
  /** Established connections stop forwarding in both directions (bytes wait in the kernel); new ones still pass. */
  freeze(): void;
  /** Every established connection is reset (RST to both sides). */
  reset(): void;
  /** Forwarding again: frozen connections resume, black-holed ones are closed (their clients gave up). */
  restore(): void;
  /** Connections relayed to the database so far (black-holed ones not counted). */
  readonly forwarded: () => number;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Starts a relay from `127.0.0.1:<ephemeral>` to `host:port`. */
export async function startTcpRelay(host: string, port: number): Promise<TcpRelay> {
  const pairs = new Set<Pair>();
  const holes = new Set<Socket>();
  let blackHoled = false;
  let forwarded = 0;

  const drop = (pair: Pair): void => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.upstream.destroy();
  };

  const server: Server = createServer((client) => {
    client.on('error', () => undefined);
    if (blackHoled) {
      holes.add(client);
      client.on('close', () => holes.delete(client));
      return;
    }
    forwarded += 1;
    const upstream = connect(port, host);
    const pair: Pair = { client, upstream };
    pairs.add(pair);
    upstream.on('error', () => undefined);
    // Written by hand, not piped: a pipe resumes its source on drain, which would undo a freeze.
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('close', () => drop(pair));
    upstream.on('close', () => drop(pair));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the relay has no port');

  return {
    port: address.port,
    blackHole: () => {
      blackHoled = true;
    },
    freeze: () => {
      for (const { client, upstream } of pairs) {
        client.pause();
        upstream.pause();
      }
    },
    reset: () => {
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        pair.client.resetAndDestroy();
        pair.upstream.resetAndDestroy();
      }
    },
    restore: () => {
      blackHoled = false;
      for (const hole of holes) hole.destroy();
      holes.clear();
      for (const { client, upstream } of pairs) {
        client.resume();
        upstream.resume();
      }
    },
    forwarded: () => forwarded,
    close: async () => {
      for (const hole of holes) hole.destroy();
      for (const pair of [...pairs]) drop(pair);
      server.close();
      await once(server, 'close');
    },
  };
}
