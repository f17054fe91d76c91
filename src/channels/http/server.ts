/**
 * Serves an app on a port with @hono/node-server: refuses a non-loopback address without API keys,
 * resolves once listening (port 0 picks a free one) and closes cleanly.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { bindRefusal } from "./config.js";

/** A listening server. */
export interface RunningServer {
  /** http://host:port/ as a browser on this machine would open it. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, ends idle keep-alive ones, and resolves when closed. */
  close(): Promise<void>;
}

/** Listens on host:port; rejects when the address is refused or taken. */
export function startServer(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { host: string; port: number; apiKeys: readonly string[] },
): Promise<RunningServer> {
  const refusal = bindRefusal(options.host, options.apiKeys);
  if (refusal) return Promise.reject(new Error(refusal));
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: options.host, port: options.port });
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const shown = options.host.includes(":") ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${shown === "0.0.0.0" ? "127.0.0.1" : shown}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
  });
}
