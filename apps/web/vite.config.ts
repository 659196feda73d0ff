// Builds the web app into dist/, which `qadam serve` serves at /; in development, /api goes to a
// running `qadam serve` (npm run dev -w apps/web, with the server on port 8080). Each text file of the
// build gets its brotli and gzip twins (file.br, file.gz), compressed once at their best, which
// `qadam serve` sends to browsers that accept them: a phone on a slow line downloads a quarter of it.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/**
 * Asks the API who is logged in as soon as the page's head is read, while the app's script is still
 * downloading: on a slow line that saves a whole round trip before the first screen (api/account.ts's
 * whoAmI takes this answer once).
 */
function askWhoEarly(): Plugin {
  return {
    name: "qadam-ask-who-early",
    transformIndexHtml: () => [
      {
        tag: "script",
        injectTo: "head-prepend",
        children:
          'window.qadamEarlyMe=fetch("/api/v1/me",{headers:{Accept:"application/json"}}).catch(function(){return null})',
      },
    ],
  };
}

const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json)$/;

/** Writes file.br and file.gz beside every compressible file of the build that is worth it. */
function precompress(outDir: string): Plugin {
  return {
    name: "qadam-precompress",
    apply: "build",
    enforce: "post",
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          const body = await readFile(path);
          if (body.length < 1024) return;
          const br = await promisify(brotliCompress)(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          });
          const gz = await promisify(gzip)(body, { level: 9 });
          if (br.length < body.length) await writeFile(`${path}.br`, br);
          if (gz.length < body.length) await writeFile(`${path}.gz`, gz);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    askWhoEarly(),
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: "script-defer",
      includeAssets: ["favicon.svg", "apple-touch-icon.png"],
      manifest: {
        name: "Qadam",
        short_name: "Qadam",
        description: "Books, loans and records for self-help groups",
        lang: "kk",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "portrait",
        background_color: "#ffffff",
        theme_color: "#0b5d4b",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "/favicon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      workbox: {
        // The app shell is cached; the API never is (it answers per user and must stay fresh).
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        navigateFallback: "/index.html",
        // A new worker takes the open pages at once: the very first visit is then served offline too.
        clientsClaim: true,
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
        runtimeCaching: [],
      },
    }),
    precompress("dist"),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
    rolldownOptions: {
      output: {
        // React changes far less often than the app and is on every screen: in a chunk of its own it
        // stays in the browser's cache (hashed, immutable) across the app's releases. Only React: a
        // catch-all library group would drag the lazy screens' libraries into the first screen.
        codeSplitting: {
          groups: [{ name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
