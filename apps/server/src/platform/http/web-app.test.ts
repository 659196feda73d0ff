import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleError } from "./errors.js";
import { webApp } from "./web-app.js";

async function serve(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.decorateRequest("locale", "en");
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  await app.register(webApp(root));
  await app.ready();
  return app;
}

describe("the web app at /", () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "qadam-web-"));
    await mkdir(join(root, "assets"));
    await writeFile(join(root, "index.html"), '<!doctype html><div id="root"></div>');
    await writeFile(join(root, "assets", "index-BSS1kWcT.js"), "console.log(1)");
    await writeFile(join(root, "sw.js"), "self.skipWaiting()");
    const big = `console.log(${JSON.stringify("x".repeat(4000))})`;
    await writeFile(join(root, "assets", "big-Cq1nKRX8.js"), big);
    await writeFile(join(root, "assets", "big-Cq1nKRX8.js.br"), brotliCompressSync(big));
    await writeFile(join(root, "assets", "big-Cq1nKRX8.js.gz"), gzipSync(big));
    app = await serve(root);
  });

  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  it("serves index.html at / and at the app's own addresses, never cached stale", async () => {
    for (const url of ["/", "/password", "/groups/abc?tab=members"]) {
      const res = await app.inject({ method: "GET", url });
      expect([url, res.statusCode, res.headers["content-type"]]).toEqual([
        url,
        200,
        "text/html; charset=utf-8",
      ]);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("serves the built files, those named by their hash cached for good", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/index-BSS1kWcT.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe("console.log(1)");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const worker = await app.inject({ method: "GET", url: "/sw.js" });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers["cache-control"]).toBe("no-cache");
  });

  it("sends the build's brotli or gzip twin to a browser that accepts it, still cached for good", async () => {
    const url = "/assets/big-Cq1nKRX8.js";
    const br = await app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip, deflate, br" } });
    expect([br.statusCode, br.headers["content-encoding"], br.headers["cache-control"]]).toEqual([
      200,
      "br",
      "public, max-age=31536000, immutable",
    ]);
    expect(br.rawPayload.length).toBeLessThan(200);
    expect(brotliDecompressSync(br.rawPayload).toString()).toMatch(/^console\.log\("x+"\)$/);
    const gz = await app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await app.inject({ method: "GET", url });
    expect([plain.headers["content-encoding"], plain.body.length]).toEqual([undefined, 4015]);
  });

  it("leaves the API's unknown addresses and missing files as JSON 404s", async () => {
    for (const url of ["/api/v1/nowhere", "/api", "/assets/missing-12345678.js", "/favicon.ico"]) {
      const res = await app.inject({ method: "GET", url });
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 404, "ROUTE_NOT_FOUND"]);
    }
  });

  it("leads to the API's documentation when the app is not built", async () => {
    const empty = await mkdtemp(join(tmpdir(), "qadam-web-empty-"));
    const bare = await serve(empty);
    const res = await bare.inject({ method: "GET", url: "/" });
    expect([res.statusCode, res.headers.location]).toEqual([302, "/api/docs"]);
    await bare.close();
    await rm(empty, { recursive: true, force: true });
  });
});
