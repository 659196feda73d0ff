#!/usr/bin/env node
// The qadam command. Built from apps/server/src by `npm run build` (npm start and npm test do it for you).
import { runCli } from "../dist/cli/main.js";

process.exitCode = await runCli(process.argv.slice(2));
