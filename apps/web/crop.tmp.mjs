import { chromium } from "playwright-core";
const [file, y, h, out] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
const p = await b.newPage({ viewport: { width: 360, height: 800 } });
await p.setContent(`<body style="margin:0"><img style="display:block" src="data:image/png;base64,${(await import("node:fs")).readFileSync(file).toString("base64")}"></body>`);
await p.screenshot({ path: out, clip: { x: 0, y: Number(y), width: 360, height: Number(h) }, fullPage: true });
await b.close();
