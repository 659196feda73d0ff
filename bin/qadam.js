#!/usr/bin/env node
// The qadam command from the repository's root: the server workspace's own (apps/server/bin/qadam.js).
import "../apps/server/bin/qadam.js";
