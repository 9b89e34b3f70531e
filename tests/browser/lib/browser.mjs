// Headless Chromium through playwright-core: Debian's chromium, never a
// downloaded browser. GONGKAI_CHROMIUM overrides the executable.
import fs from "node:fs";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.GONGKAI_CHROMIUM || "/usr/bin/chromium";

// Exit status ctest reads as "skipped" (SKIP_RETURN_CODE in CMakeLists.txt).
export const SKIP = 77;

export function requireChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`SKIP: no Chromium at ${CHROMIUM} (scripts/install-deps --browser installs Debian's chromium)`);
    process.exit(SKIP);
  }
}

// The flags keep Chromium off the network (closed here: it would retry
// Google's hosts at every start) and working as root in a container.
// playwright adds a fresh --user-data-dir of its own.
export function launchChromium() {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}
