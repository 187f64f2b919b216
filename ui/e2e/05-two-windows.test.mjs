// Two windows of the app on one data folder (two app processes, each driven through its own
// tauri-driver): an edit saved in one is never silently overwritten by the other — the second
// window is told and chooses — and an export never replaces a file that is there.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { startApp, shot, byTestId, gotoStep, press, waitSaved, SAVE_DIR } from "./helpers.mjs";

const PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444) + 2;
let driver;
let a;
let b;

async function waitPort(port) {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => (s.end(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

before(async () => {
  driver = spawn("tauri-driver", ["--port", String(PORT), "--native-port", String(PORT + 1)], { stdio: "ignore" });
  await waitPort(PORT);
  a = await startApp();
  b = await startApp(PORT);
});

after(async () => {
  await a?.deleteSession();
  await b?.deleteSession();
  driver?.kill();
});

async function openFirstDraft(browser) {
  const first = await browser.$('[data-testid^="draft-"]');
  await first.waitForDisplayed();
  await first.click();
  await (await browser.$("#step-title")).waitForDisplayed();
  await gotoStep(browser, 2);
  await waitSaved(browser);
}

async function typeSigner(browser, name) {
  const input = await byTestId(browser, "profile-signer");
  await input.waitForDisplayed();
  await input.clearValue();
  await input.setValue(name);
}

test("the second window to save is shown the conflict, and keeps its edit when it chooses", async () => {
  await openFirstDraft(a);
  await openFirstDraft(b);

  await typeSigner(b, "Trần Thị Bé");
  await waitSaved(b);

  await typeSigner(a, "Nguyễn Văn An");
  const conflict = await byTestId(a, "conflict");
  await conflict.waitForDisplayed({ timeout: 15000 });
  assert.match(await conflict.getText(), /vừa được sửa ở một cửa sổ khác/);
  assert.equal(await (await byTestId(a, "save-status")).getText(), "Bị sửa ở cửa sổ khác");
  assert.equal(await (await byTestId(a, "profile-signer")).getValue(), "Nguyễn Văn An", "the edit is kept on screen");
  await shot(a, "13-hai-cua-so-xung-dot");

  await press(await byTestId(a, "keep-mine"));
  await waitSaved(a);
  assert.equal(await (await byTestId(a, "profile-signer")).getValue(), "Nguyễn Văn An");

  // The other window, reopening the draft, sees the kept edit; its own is one undo away.
  await press(await b.$('button[aria-label="Về màn hình đầu"]'));
  await openFirstDraft(b);
  assert.equal(await (await byTestId(b, "profile-signer")).getValue(), "Nguyễn Văn An");
  // Going to step 2 saved a revision in b; undo it, then the kept edit, to reach b's own.
  const signer = await byTestId(b, "profile-signer");
  for (let i = 0; i < 4 && (await signer.getValue()) !== "Trần Thị Bé"; i++) {
    await press(await b.$('button[title="Hoàn tác (Ctrl+Z)"]'));
    await b.pause(400);
  }
  assert.equal(await signer.getValue(), "Trần Thị Bé", "the other window's edit is in the history");
});

test("exporting twice keeps the first file and saves the second beside it", async () => {
  // The kindergarten's draft (the imported one has no unit yet: it cannot be exported).
  await press(await a.$('button[aria-label="Về màn hình đầu"]'));
  await (await a.$('[data-testid^="draft-"]')).waitForDisplayed();
  let unitDraft;
  for (const d of await a.$$('[data-testid^="draft-"]')) if ((await d.getText()).includes("Tuổi Hồng")) unitDraft = d;
  assert.ok(unitDraft, "the kindergarten's draft is listed");
  await unitDraft.click();
  await (await a.$("#step-title")).waitForDisplayed();
  await gotoStep(a, 9);
  await waitSaved(a);
  const docx = () => readdirSync(SAVE_DIR).filter((f) => f.endsWith(".docx"));
  const before = new Set(docx());
  const exportOnce = async () => {
    await press(await byTestId(a, "export-docx"));
    // (A plan with errors left is exported when the user says so.)
    const confirm = await byTestId(a, "export-confirm");
    if (await confirm.waitForExist({ timeout: 1500 }).catch(() => false)) await press(await byTestId(a, "export-anyway"));
    const result = await byTestId(a, "export-result");
    await result.waitUntil(async () => /Đã lưu tệp Word: /.test(await result.getText()), { timeout: 20000 });
    const file = (await result.getText()).replace("Đã lưu tệp Word: ", "").trim();
    await a.pause(300);
    return file;
  };
  const first = await exportOnce();
  const firstTime = statSync(first).mtimeMs;
  await a.pause(1100);
  const second = await exportOnce();
  assert.notEqual(second, first, "the second export is not written over the first");
  assert.ok(existsSync(first) && existsSync(second));
  assert.equal(statSync(first).mtimeMs, firstTime, "the first file is untouched");
  assert.match(path.basename(second), /\(\d+\)\.docx$/);
  assert.ok(docx().length >= before.size + 1);
});
