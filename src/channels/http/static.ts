/**
 * The web page's files (dist/web/, built by scripts/build.mjs): read once at start, served from memory
 * with an ETag, gzip when the browser takes it, and a Content-Security-Policy that allows nothing
 * but this server — the page works offline and loads nothing from elsewhere.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Context } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

/** Only this server: scripts, styles, requests; inline images (data:) for the icon. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

interface Asset {
  type: string;
  body: Uint8Array;
  gzip: Uint8Array | null;
  etag: string;
}

/** The page's files in memory, by URL path ("/" is index.html). */
export class WebAssets {
  private constructor(private readonly files: ReadonlyMap<string, Asset>) {}

  /** Reads every file of `dir` (not recursive); an empty set when the folder does not exist. */
  static load(dir: string | null): WebAssets {
    const files = new Map<string, Asset>();
    if (dir && existsSync(dir)) {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (!statSync(path).isFile() || name.endsWith(".map")) continue;
        const body = readFileSync(path);
        const type = TYPES[extname(name)] ?? "application/octet-stream";
        const text = type.startsWith("text/") || type.includes("json") || type.includes("svg");
        files.set(name === "index.html" ? "/" : `/${name}`, {
          type,
          body,
          gzip: text && body.length > 512 ? gzipSync(body, { level: 9 }) : null,
          etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"`,
        });
      }
    }
    return new WebAssets(files);
  }

  /** Whether the page was built (index.html is there). */
  get ready(): boolean {
    return this.files.has("/");
  }

  /** Bytes of each file as sent: raw and gzip. */
  sizes(): Array<{ path: string; bytes: number; gzip: number }> {
    return [...this.files].map(([path, a]) => ({
      path,
      bytes: a.body.length,
      gzip: a.gzip?.length ?? a.body.length,
    }));
  }

  /** Answers a GET or HEAD for one of the files, or null when it is none of them. */
  serve(c: Context): Response | null {
    const path = c.req.path === "/index.html" ? "/" : c.req.path;
    const asset = this.files.get(path);
    if (!asset) return null;
    const headers = new Headers({
      "Content-Type": asset.type,
      ETag: asset.etag,
      // Revalidate every time (a 304 costs one small round trip): a new build is seen at once.
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      Vary: "Accept-Encoding",
    });
    if (path === "/") {
      headers.set("Content-Security-Policy", PAGE_CSP);
      headers.set("Referrer-Policy", "no-referrer");
    }
    if (c.req.header("if-none-match") === asset.etag) return new Response(null, { status: 304, headers });
    const gzip = asset.gzip && /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
    const body = gzip ? asset.gzip : asset.body;
    if (gzip) headers.set("Content-Encoding", "gzip");
    headers.set("Content-Length", String(body?.length ?? 0));
    return new Response(c.req.method === "HEAD" ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers,
    });
  }
}
