// Draws the app's PNG icons from public/favicon.svg with headless Chromium (run by hand after changing
// the drawing: node apps/web/scripts/draw-icons.mjs); the PNGs are committed.
import { readFile, writeFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const pub = new URL("../public/", import.meta.url);
const svg = await readFile(new URL("favicon.svg", pub), "utf8");
// The maskable icon fills its square and keeps the drawing inside the central safe circle (80%).
const maskable = svg
  .replace('rx="112"', 'rx="0"')
  .replace(/<path /, '<g transform="translate(256 256) scale(0.72) translate(-256 -256)"><path ')
  .replace(/<\/svg>/, "</g></svg>")
  .replace(/(<circle[^>]*\/>)<\/g>/, "$1</g>");
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
for (const [name, size, source] of [
  ["icon-192.png", 192, svg],
  ["icon-512.png", 512, svg],
  ["apple-touch-icon.png", 180, maskable],
  ["icon-maskable-512.png", 512, maskable],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${source.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await writeFile(new URL(name, pub), await page.screenshot({ omitBackground: true }));
}
await browser.close();
