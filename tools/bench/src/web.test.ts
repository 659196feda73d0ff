// The web bench's accounting of the first screen's files: each address once, gzipped and brotli-
// compressed from the bytes the server holds, beside the bytes the browser counted on the wire.
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Asset, NETWORK_PROFILES, sizes } from "./web.js";

const SCRIPT = `console.log(${JSON.stringify("первый экран ".repeat(500))});`;
const STYLE = `body { margin: 0 } ${".card { padding: 1rem } ".repeat(100)}`;

describe("the web bench's sizes", () => {
  let server: Server;
  let base = "";

  beforeAll(async () => {
    server = createServer((request, response) => {
      // As qadam serve does for a browser that accepts it; the bench asks for the plain bytes.
      const plain = request.headers["accept-encoding"] === "identity";
      const body = request.url === "/app.js" ? SCRIPT : STYLE;
      response.setHeader("content-encoding", plain ? "identity" : "gzip");
      response.end(plain ? body : gzipSync(body));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it("counts each file once, gzipped here, and what the browser saw on the wire", async () => {
    const assets: Asset[] = [
      { url: `${base}/app.js`, kind: "js", transferred: 2048, contentEncoding: "br" },
      { url: `${base}/app.css`, kind: "css", transferred: 1024, contentEncoding: "br" },
      { url: `${base}/app.js`, kind: "js", transferred: 2048, contentEncoding: "br" },
    ];
    const result = await sizes(base, assets);
    const kb = (n: number) => Number((n / 1024).toFixed(1));
    const js = gzipSync(Buffer.from(SCRIPT)).length;
    const css = gzipSync(Buffer.from(STYLE)).length;
    expect(result.gzipKB).toEqual({ js: kb(js), css: kb(css), total: kb(js + css) });
    expect(result.transferredKB).toEqual({ js: 2, css: 1, total: 3 });
    expect(result.uncompressedKB).toBe(kb(Buffer.byteLength(SCRIPT) + Buffer.byteLength(STYLE)));
    expect(result.brotliKB).toBeLessThan(result.gzipKB.total);
    expect(result.files.map((f) => [f.file, f.kind, f.servedAs])).toEqual([
      ["/app.js", "js", "br"],
      ["/app.css", "css", "br"],
    ]);
  });

  it("throttles to Lighthouse's mobile profile: 150 ms × 3.75, 1.6 Mbit/s and 750 kbit/s × 0.9", () => {
    expect(NETWORK_PROFILES.lighthouseMobile).toEqual({
      latency: 562.5,
      downloadThroughput: 188_744,
      uploadThroughput: 86_400,
    });
  });
});
