// Shared set-up for the end-to-end tests: a WebDriver session on the real app, through
// tauri-driver (started by .ci/e2e under Xvfb).
import { remote } from "webdriverio";
import { mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";

export const SHOTS = process.env.E2E_SHOTS ?? path.resolve("../target/e2e-shots");
export const SAVE_DIR = process.env.KEHOACH_E2E_SAVE_DIR;

export async function startApp(port = Number(process.env.TAURI_DRIVER_PORT ?? 4444)) {
  const application = process.env.KEHOACH_APP;
  if (!application) throw new Error("KEHOACH_APP (the app binary to drive) is not set");
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "warn",
    waitforTimeout: 15000,
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application },
    },
  });
  try {
    await browser.setWindowSize(1280, 720);
  } catch {
    // Without a window manager the size from tauri.conf.json stays.
  }
  return browser;
}

export async function shot(browser, name) {
  mkdirSync(SHOTS, { recursive: true });
  await browser.saveScreenshot(path.join(SHOTS, `${name}.png`));
}

export const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

/** Waits until the autosave indicator says "Đã lưu". */
export async function waitSaved(browser) {
  const status = await byTestId(browser, "save-status");
  await status.waitUntil(async () => (await status.getText()) === "Đã lưu", { timeout: 15000, timeoutMsg: "not saved" });
}

/** Opens a group of items in step 3 or 4 unless it is open already (groups with work open by
 * themselves). */
export async function openGroup(browser, id) {
  const group = await browser.$(`[data-testid="group-${id}"]`);
  await group.waitForExist();
  if ((await group.getAttribute("open")) === null) await press(await browser.$(`[data-testid="group-${id}"] summary`));
}

/** Scrolls an element to the middle of its scrolling panel, then clicks it. */
export async function press(el) {
  await el.waitForExist();
  await el.scrollIntoView({ block: "center" });
  await el.waitForClickable();
  await el.click();
}

/**
 * Presses the button `buttonId` until `shownId` is displayed, at most `tries` times. A click on a
 * list that is re-rendering under it (right after another decision) can be dropped: WebDriver
 * reports a stale element and terminates the request, and nothing opens.
 */
export async function pressUntilShown(browser, buttonId, shownId, tries = 3) {
  for (let i = 0; i < tries; i++) {
    await press(await byTestId(browser, buttonId));
    const shown = await byTestId(browser, shownId);
    if (await shown.waitForDisplayed({ timeout: 5000 }).then(() => true, () => false)) return shown;
  }
  throw new Error(`${shownId} not displayed after pressing ${buttonId} ${tries} times`);
}

export async function clickText(browser, text) {
  await press(await browser.$(`button=${text}`));
}

/** The kindergarten's fields of step 2, as a principal types them. */
export const TUOI_HONG = [
  ["profile-name", "Trường mầm non Tuổi Hồng"],
  ["profile-short", "MNTH"],
  ["profile-parent", "Ủy ban nhân dân Quận 1"],
  ["profile-place", "Quận 1"],
  ["profile-signer", "Nguyễn Thị Hồng"],
];

/** Types each [test id, value] into its field; `each` wraps every field (to count actions). */
export async function fillFields(browser, fields, each = (f) => f()) {
  for (const [id, value] of fields) await each(async () => (await byTestId(browser, id)).setValue(value));
}

/** Goes to a step through the progress bar and waits for its title. */
export async function gotoStep(browser, n) {
  const b = await byTestId(browser, `goto-step-${n}`);
  await b.click();
  const title = await browser.$("#step-title");
  await title.waitUntil(async () => (await title.getText()).startsWith(`Bước ${n}.`), { timeoutMsg: `step ${n}` });
  // Let the preview's smooth scroll to the step's part settle (for the screenshots).
  await browser.pause(700);
}

/** The paragraphs of a .docx, read by python-docx (tables included, in order). */
export function docxParagraphs(file) {
  const script = `
import sys, json, docx
d = docx.Document(sys.argv[1])
out = []
body = d.element.body
for el in body.iterchildren():
    tag = el.tag.split('}')[1]
    if tag == 'p':
        out.append(''.join(t.text or '' for t in el.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t')))
    elif tag == 'tbl':
        for p in el.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p'):
            out.append(''.join(t.text or '' for t in p.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t')))
print(json.dumps(out, ensure_ascii=False))
`;
  const python = process.env.KEHOACH_PYTHON ?? "/usr/bin/python3";
  return JSON.parse(execFileSync(python, ["-c", script, file], { encoding: "utf8" }));
}
