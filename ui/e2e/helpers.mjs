// Shared set-up for the end-to-end tests: one WebDriver session on the real app, through
// tauri-driver (started by .ci/e2e under Xvfb).
import { remote } from "webdriverio";
import { mkdirSync } from "node:fs";
import path from "node:path";

export const SHOTS = process.env.E2E_SHOTS ?? path.resolve("../target/e2e-shots");

export async function startApp() {
  const application = process.env.KEHOACH_APP;
  if (!application) throw new Error("KEHOACH_APP (the app binary to drive) is not set");
  return remote({
    hostname: "127.0.0.1",
    port: Number(process.env.TAURI_DRIVER_PORT ?? 4444),
    logLevel: "warn",
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application },
    },
  });
}

export async function shot(browser, name) {
  mkdirSync(SHOTS, { recursive: true });
  await browser.saveScreenshot(path.join(SHOTS, `${name}.png`));
}
