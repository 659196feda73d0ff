// The web app at /: the files Vite built into apps/web/dist, and its index.html for any other address
// outside /api (so that the app's own addresses, /password and the like, open on a reload). Without a
// build, / leads to the API's documentation as before.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import { DomainError } from "@qadam/core/errors";
import type { FastifyInstance } from "fastify";

/** apps/web/dist, seen from apps/server/src/platform/http or apps/server/dist/platform/http alike. */
export const WEB_ROOT = fileURLToPath(new URL("../../../../web/dist/", import.meta.url));

/** Whether the web app has been built into `root`. */
export function webAppBuilt(root: string = WEB_ROOT): boolean {
  return existsSync(join(root, "index.html"));
}

/** Files named by content hash never change; everything else is checked again on each visit. */
const IMMUTABLE = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function webApp(root: string = WEB_ROOT) {
  return async (app: FastifyInstance): Promise<void> => {
    const route = { schema: { hide: true }, config: { public: true } };
    if (!webAppBuilt(root)) {
      app.get("/", route, (_request, reply) => reply.redirect("/api/docs", 302));
      return;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: "/",
      wildcard: false,
      index: false,
      // The build's file.br and file.gz (apps/web/vite.config.ts), to browsers that accept them.
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader(
          "cache-control",
          // A compressed twin (file.js.br) is as immutable as its file.
          IMMUTABLE.test(path.replaceAll("\\", "/").replace(/\.(br|gz)$/, ""))
            ? "public, max-age=31536000, immutable"
            : "no-cache",
        );
      },
    });
    app.get("/*", route, (request, reply) => {
      const path = request.url.split("?")[0] ?? "/";
      // The API's unknown addresses, and files that are not there, stay 404s; any other address is the app's.
      if (path === "/api" || path.startsWith("/api/") || /\.[A-Za-z0-9]+$/.test(path))
        throw new DomainError("ROUTE_NOT_FOUND");
      return reply
        .header("cache-control", "no-cache")
        .type("text/html; charset=utf-8")
        .sendFile("index.html");
    });
  };
}
