// Issue #10's figures for the web app's first screen, as a phone on a weak connection sees it: a real
// `qadam serve` (with its compression) over a small demo, Debian's Chromium (headless, the e2e flags)
// driven by playwright-core, a cold cache each time, the network throttled through CDP and the CPU
// slowed 4×. Counted: the JavaScript and CSS the page itself requests (not the service worker's
// precache, which downloads after the first screen), as transferred on the wire and gzipped again here
// (zlib's default level, as Vite reports), for the log-in page and for the home page after log-in;
// and the time to the log-in form: first contentful paint, largest contentful paint, the moment its
// heading is in the page, and the load event, the median of several cold loads.
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The flags of apps/web/e2e/browser.ts. */
export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The network, as Chrome DevTools' Network.emulateNetworkConditions takes it (bytes per second).
 * The aim is judged on the first: Lighthouse's mobile throttling (150 ms RTT × 3.75, 1.6 Mbit/s and
 * 750 kbit/s × 0.9: DevTools' former "Fast 3G" preset, now called "Slow 4G"); the second, DevTools'
 * older "Slow 3G"-like 400 ms and 400 kbit/s, shows how the first screen fares on a far weaker line.
 */
export const NETWORK_PROFILES = {
  lighthouseMobile: {
    latency: 562.5,
    downloadThroughput: Math.round((1.6 * 1024 * 0.9 * 1024) / 8),
    uploadThroughput: Math.round((750 * 0.9 * 1024) / 8),
  },
  slow3g400ms: { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 },
} as const;
type ProfileName = keyof typeof NETWORK_PROFILES;

export const CPU_SLOWDOWN = 4;
const LOGIN = "admin@moldir.demo";
const PASSWORD = "qadam-demo-2026";

export interface Asset {
  url: string;
  kind: "js" | "css";
  /** Bytes on the wire, headers included (CDP's encodedDataLength). */
  transferred: number;
  contentEncoding: string | null;
}

/** Every JavaScript and CSS response the page gets, counted by CDP as it arrives. */
export async function watchAssets(context: BrowserContext, page: Page): Promise<{ assets: Asset[] }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const pending = new Map<string, Omit<Asset, "transferred">>();
  const assets: Asset[] = [];
  cdp.on("Network.responseReceived", (e) => {
    const kind = e.type === "Script" ? "js" : e.type === "Stylesheet" ? "css" : null;
    if (!kind) return;
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    pending.set(e.requestId, {
      url: e.response.url,
      kind,
      contentEncoding: typeof headers["content-encoding"] === "string" ? headers["content-encoding"] : null,
    });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const seen = pending.get(e.requestId);
    if (seen) assets.push({ ...seen, transferred: e.encodedDataLength });
  });
  return { assets };
}

/** The line's conditions, as DevTools' Network.emulateNetworkConditions takes them (bytes per second). */
export interface NetworkConditions {
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

/** The page on that line, its CPU slowed CPU_SLOWDOWN times. */
export async function throttle(
  context: BrowserContext,
  page: Page,
  network: NetworkConditions,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
}

/** The moment the first heading is in the page (then painted: the next frame), from navigation start. */
const HEADING_TIMER = `(() => {
  const seen = () => {
    if (window.__headingAt !== undefined || !document.querySelector("main h1")) return false;
    requestAnimationFrame(() => { window.__headingAt = performance.now(); });
    return true;
  };
  new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
})();`;

/** The page's own clocks, from navigation start (a string: this package has no DOM types). */
const PAGE_TIMES = `new Promise((done) => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
  const load = performance.getEntriesByType("navigation")[0]?.loadEventStart ?? NaN;
  let lcp = NaN;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) lcp = e.startTime; })
    .observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => done({ fcp, lcp, heading: window.__headingAt ?? NaN, load }), 100);
})`;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (x: number) => Math.round(x);

/** A fresh context: its own empty cache, no service worker (its precache is not the first screen). */
async function coldPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    serviceWorkers: "block",
    locale: "en-US",
    timezoneId: "Asia/Almaty",
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  return { context, page };
}

/** One cold load of the log-in page under `profile`: when it is shown, and what it requested. */
async function loadLogIn(browser: Browser, base: string, profile: ProfileName) {
  const { context, page } = await coldPage(browser);
  try {
    const watched = await watchAssets(context, page);
    await throttle(context, page, NETWORK_PROFILES[profile]);
    await page.addInitScript(HEADING_TIMER);
    await page.goto(`${base}/`, { waitUntil: "load", timeout: 120_000 });
    await page.waitForFunction("window.__headingAt !== undefined", null, { timeout: 120_000 });
    const times = (await page.evaluate(PAGE_TIMES)) as {
      fcp: number;
      lcp: number;
      heading: number;
      load: number;
    };
    return { times, assets: watched.assets };
  } finally {
    await context.close();
  }
}

/** A cold visit that logs in: the JavaScript and CSS requested until the home page's heading is shown. */
async function loadHome(browser: Browser, base: string, profile: ProfileName) {
  const { context, page } = await coldPage(browser);
  try {
    const watched = await watchAssets(context, page);
    await throttle(context, page, NETWORK_PROFILES[profile]);
    await page.goto(`${base}/`, { waitUntil: "load", timeout: 120_000 });
    await page.locator('input[name="login"]').fill(LOGIN);
    await page.locator('input[name="password"]').fill(PASSWORD);
    const submitted = Date.now();
    await page.locator('button[type="submit"]').click();
    // The home page's heading, in her account's language (the log-in form gone).
    await page.waitForFunction(
      `document.querySelector("main h1") && !document.querySelector('input[name="password"]')`,
      null,
      { timeout: 120_000 },
    );
    const homeShownMs = Date.now() - submitted;
    // Anything the home page starts loading on arrival (its lazy parts) is part of it.
    await page.waitForLoadState("networkidle", { timeout: 120_000 });
    return { homeShownMs, assets: watched.assets };
  } finally {
    await context.close();
  }
}

/** Sizes of what was requested (each address once): on the wire, and each file gzipped and brotli-compressed here. */
export async function sizes(base: string, assets: readonly Asset[]) {
  const unique = [...new Map(assets.map((a) => [a.url, a])).values()];
  const files = await Promise.all(
    unique.map(async (a) => {
      const body = Buffer.from(
        await (await fetch(a.url, { headers: { "accept-encoding": "identity" } })).arrayBuffer(),
      );
      return {
        file: a.url.replace(base, ""),
        kind: a.kind,
        bytes: body.length,
        gzipBytes: gzipSync(body).length,
        brotliBytes: brotliCompressSync(body).length,
        transferredBytes: a.transferred,
        servedAs: a.contentEncoding ?? "identity",
      };
    }),
  );
  const total = (
    kind: "js" | "css" | null,
    key: "bytes" | "gzipBytes" | "brotliBytes" | "transferredBytes",
  ) => files.filter((f) => kind === null || f.kind === kind).reduce((sum, f) => sum + f[key], 0);
  const kb = (n: number) => Number((n / 1024).toFixed(1));
  return {
    gzipKB: {
      js: kb(total("js", "gzipBytes")),
      css: kb(total("css", "gzipBytes")),
      total: kb(total(null, "gzipBytes")),
    },
    transferredKB: {
      js: kb(total("js", "transferredBytes")),
      css: kb(total("css", "transferredBytes")),
      total: kb(total(null, "transferredBytes")),
    },
    brotliKB: kb(total(null, "brotliBytes")),
    uncompressedKB: kb(total(null, "bytes")),
    files: files.map((f) => ({
      ...f,
      bytes: undefined,
      kB: kb(f.bytes),
      gzipKB: kb(f.gzipBytes),
      transferredKB: kb(f.transferredBytes),
      gzipBytes: undefined,
      brotliBytes: undefined,
      transferredBytes: undefined,
    })),
  };
}

export interface Tools {
  bin: string;
  dir: string;
  freePort(): Promise<number>;
  run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

/**
 * `qadam serve` over a fresh small demo (the e2e tests' size: 80 members, 12 loans, one group with a
 * year of meetings) in `<dir>/<name>.db`, once it answers; `stop` ends it.
 */
export async function serveDemo(tools: Tools, name: string): Promise<{ base: string; stop(): void }> {
  const url = `sqlite:${tools.dir}/${name}.db`;
  const demo = await tools.run([
    "demo",
    "--members",
    "80",
    "--loans",
    "12",
    "--meeting-groups",
    "1",
    "--database-url",
    url,
  ]);
  if (demo.code !== 0) throw new Error(`qadam demo failed: ${demo.stderr}`);
  const port = await tools.freePort();
  const server = spawn(
    process.execPath,
    [tools.bin, "serve", "--port", String(port), "--database-url", url, "--log-level", "silent"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (i > 300) {
        server.kill("SIGTERM");
        throw new Error("qadam serve did not start");
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { base, stop: () => server.kill("SIGTERM") };
}

/** The first screen's figures, `runs` cold loads per network profile (BENCH_WEB_RUNS, 3 by default). */
export async function webFirstScreen(tools: Tools, runs = Number(process.env.BENCH_WEB_RUNS ?? 3)) {
  const { base, stop } = await serveDemo(tools, "web");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const index = await fetch(`${base}/`);
    if (!(await index.text()).includes('id="root"'))
      throw new Error("qadam serve has no web app: build apps/web");

    const firstScreen: Record<string, unknown> = {};
    let logInAssets: Asset[] = [];
    for (const profile of Object.keys(NETWORK_PROFILES) as ProfileName[]) {
      const loads = [];
      for (let i = 0; i < runs; i++) loads.push(await loadLogIn(browser, base, profile));
      logInAssets = loads[0]?.assets ?? [];
      const home = await loadHome(browser, base, profile);
      firstScreen[profile] = {
        network: NETWORK_PROFILES[profile],
        logInPageMs: {
          firstContentfulPaint: round(median(loads.map((l) => l.times.fcp))),
          largestContentfulPaint: round(median(loads.map((l) => l.times.lcp))),
          headingShown: round(median(loads.map((l) => l.times.heading))),
          loadEvent: round(median(loads.map((l) => l.times.load))),
          eachRunHeadingShown: loads.map((l) => round(l.times.heading)),
        },
        homePageShownAfterLogInMs: home.homeShownMs,
      };
      if (profile === "lighthouseMobile") firstScreen.homeAssets = home.assets;
    }
    const homeAssets = (firstScreen.homeAssets ?? []) as Asset[];
    delete firstScreen.homeAssets;
    const logInPage = await sizes(base, logInAssets);
    const homePage = await sizes(base, homeAssets);
    const timing = firstScreen.lighthouseMobile as { logInPageMs: { headingShown: number } };
    return {
      chromium: browser.version(),
      cpuSlowdown: CPU_SLOWDOWN,
      // The timings are CPU-bound: on a shared machine they grow with its load (1-minute average).
      machineLoad: Number((loadavg()[0] ?? 0).toFixed(1)),
      runsPerProfile: runs,
      logInPage,
      homePageAfterLogIn: homePage,
      timing: firstScreen,
      aims: {
        firstScreenUnder200KBGzipped: logInPage.gzipKB.total < 200 && homePage.gzipKB.total < 200,
        shownUnder3sOnLighthouseMobile: timing.logInPageMs.headingShown < 3000,
      },
    };
  } finally {
    await browser.close();
    stop();
  }
}
