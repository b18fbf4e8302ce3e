import { type Server, type Socket, createConnection, createServer } from "node:net";

/**
 * A TCP proxy on loopback between the app and PostgreSQL that a test can cut and restore: cut,
 * every open connection is dropped and new ones are refused mid-handshake, as when the database
 * server goes away; restored, connections go through again. The shared PostgreSQL server itself
 * is never touched.
 */
export class TcpProxy {
  #server: Server;
  #sockets = new Set<Socket>();
  #cut = false;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server);
    server.on("connection", (client) => proxy.#accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get port(): number {
    return (this.#server.address() as { port: number }).port;
  }

  /** Drops every connection and refuses new ones until `restore()`. */
  cut(): void {
    this.#cut = true;
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
  }

  restore(): void {
    this.#cut = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #accept(client: Socket, target: { host: string; port: number }) {
    if (this.#cut) {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    for (const s of [client, upstream]) {
      this.#sockets.add(s);
      // A dropped connection is the point of the proxy: errors end the pair, nothing more.
      s.on("error", () => undefined);
      s.on("close", () => {
        this.#sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
