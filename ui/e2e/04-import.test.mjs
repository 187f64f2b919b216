// Import the seed district plan (a Word-like .docx) through the import step and see its outline.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { startApp, shot, byTestId, clickText, press } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await startApp();
});
after(async () => {
  await browser?.deleteSession();
});

test("importing a parent plan shows its outline", async () => {
  await clickText(browser, "Nhập kế hoạch cấp trên");
  const outline = await byTestId(browser, "outline");
  await outline.waitForDisplayed({ timeout: 20000 });
  const text = await outline.getText();
  for (const part of ["I. MỤC TIÊU", "II. CHỈ TIÊU", "III. NHIỆM VỤ TRỌNG TÂM", "IV. KINH PHÍ THỰC HIỆN", "V. TỔ CHỨC THỰC HIỆN"]) {
    assert.ok(text.includes(part), `outline shows ${part}`);
  }
  assert.match(text, /04\/KH-UBND/);
  assert.match(text, /17 nơi nhận/);
  assert.match(text, /phụ lục 7 nhóm, 92 dòng/);
  const chosen = await browser.$('input[name="parent"]:checked');
  assert.ok(await chosen.isExisting(), "the imported plan is chosen");
  await shot(browser, "13-nhap-ke-hoach-cap-tren");
});

test("an e-office PDF of a plan issued with a decision imports, and the outline says what it lacks", async () => {
  const { writeFileSync } = await import("node:fs");
  const fixtures = process.env.KEHOACH_FIXTURES;
  writeFileSync(process.env.KEHOACH_E2E_OPEN, `${fixtures}/parents/xa-tan-phu-2026/eoffice.pdf`);
  // The import step's own button (the first test left the wizard on step 1).
  await press(await byTestId(browser, "import-parent"));
  // The previous import's outline (District 1, with its own notes) stays on screen until the new one
  // replaces it: wait for this plan's notes, not for any notes.
  let text = "";
  await browser.waitUntil(
    async () => {
      const notes = await browser.$('[data-testid="outline-notes"]');
      text = (await notes.isExisting()) ? await notes.getText() : "";
      return text.includes("Quyết định số 119");
    },
    { timeout: 20000, timeoutMsg: `the PDF's notes never appeared; last seen: ${text}` },
  );
  assert.match(text, /ban hành kèm theo Quyết định số 119\/QĐ-UBND ngày 18\/12\/2025/);
  // The plan is signed and sent through the decision: its Nơi nhận and signer are the decision's.
  assert.match(text, /nơi nhận và người ký là của văn bản này/);
  assert.doesNotMatch(text, /Không thấy phần Nơi nhận/);
  const outline = await (await byTestId(browser, "outline")).getText();
  assert.match(outline, /7 nơi nhận/);
  for (const part of ["I. MỤC TIÊU", "II. CHỈ TIÊU", "III. NHIỆM VỤ TRỌNG TÂM", "IV. TỔ CHỨC THỰC HIỆN"]) {
    assert.ok(outline.includes(part), `outline shows ${part}`);
  }
  await shot(browser, "14-nhap-pdf-kem-quyet-dinh");
  writeFileSync(process.env.KEHOACH_E2E_OPEN, `${fixtures}/quan1-2024.wordlike.docx`);
});
