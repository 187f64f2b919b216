// Next year's plan from last year's: a kindergarten that made its 2024 plan from the built-in
// district plan makes its 2025 plan from the district's 2025 plan (five items changed: one
// inserted, one reworded, one removed, one moved, one split) in at most 10 deliberate actions.
// Only the new and reworded items are asked; the exported plan passes the checker and has no
// year before 2025 outside citations and statements about past results.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { startApp, shot, byTestId, clickText, gotoStep, waitSaved, docxParagraphs, press, fillFields, openGroup, TUOI_HONG } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await startApp();
});
after(async () => {
  await browser?.deleteSession();
});

let actions = 0;
/** One deliberate action of the user. */
async function act(what) {
  actions += 1;
  await what();
}

/** Words before a year that make it a statement about past results. */
const PAST = /(so với|kết quả|đã đạt|tổng kết|sơ kết|năm trước|từ năm|giai đoạn)[^;.]*$/;

test("next year's plan from last year's in at most 10 deliberate actions", async () => {
  // Last year (not counted): the 2024 plan, made from the built-in district plan.
  await clickText(browser, "Tạo kế hoạch mới");
  const title = await browser.$("#step-title");
  await title.waitUntil(async () => (await title.getText()).startsWith("Bước 1."));
  await gotoStep(browser, 2);
  await fillFields(browser, TUOI_HONG);
  await gotoStep(browser, 5);
  await press(byTestId(browser, "use-defaults"));
  await waitSaved(browser);
  await gotoStep(browser, 4);
  // Last year the principal dropped one task the district's plan had.
  const dropped = "III.1.2";
  await openGroup(browser, "III.1");
  await press(byTestId(browser, `drop-${dropped}`));
  await waitSaved(browser);
  await press(browser.$('button[aria-label="Về màn hình đầu"]'));

  // This year: the district's 2025 plan is the file the principal chooses.
  writeFileSync(process.env.KEHOACH_E2E_OPEN, `${process.env.KEHOACH_FIXTURES}/pairs/quan1-2024-2025/new.md`);
  const next = await browser.$('[data-testid^="next-year-"]');
  await next.waitForDisplayed({ timeoutMsg: "the start screen offers next year's plan beside last year's draft" });
  assert.equal(await next.getText(), "Lập kế hoạch năm 2025");
  await shot(browser, "30-lap-ke-hoach-nam-sau");
  await act(() => press(next));
  await title.waitUntil(async () => /^Bước [34]\./.test(await title.getText()), { timeout: 30000, timeoutMsg: "the new draft opens on the items to decide" });
  assert.equal(await (await byTestId(browser, "draft-title")).getText(), "Kế hoạch CCHC năm 2025");
  const box = await byTestId(browser, "last-year");
  await box.waitForDisplayed();
  assert.match(await box.getText(), /Lập từ kế hoạch năm 2024/);

  // Last year's decision stands on the task the parent left as it was.
  const row = await byTestId(browser, `group-row-${dropped}`);
  assert.ok(await row.isExisting(), "the task is in this year's plan too");
  assert.match(await row.getAttribute("class"), /dropped/, "last year's drop carried");

  // Only the new and reworded items are asked; each is decided once.
  const decideListed = async () => {
    const rows = await browser.$$('[data-testid^="work-row-"]');
    for (const r of rows) {
      const id = (await r.getAttribute("data-testid")).replace("work-row-", "");
      const tag = await byTestId(browser, `work-change-${id}`);
      assert.ok(await tag.isExisting(), `only changed items are listed: ${await r.getText()}`);
      // Read and confirmed as proposed (the judge's keep or drop).
      const dropped = /\bdropped\b/.test(await r.getAttribute("class"));
      await act(() => press(byTestId(browser, `work-${dropped ? "drop" : "keep"}-${id}`)));
    }
    return rows.length;
  };
  let asked = 0;
  if ((await title.getText()).startsWith("Bước 3.")) {
    asked += await decideListed();
    await act(() => gotoStep(browser, 4));
  }
  await shot(browser, "31-nam-sau-buoc-4");
  asked += await decideListed();
  assert.ok(asked >= 1 && asked <= 5, `${asked} items asked`);
  await waitSaved(browser);

  await act(() => gotoStep(browser, 9));
  await act(() => press(byTestId(browser, "export-docx")));
  const result = await byTestId(browser, "export-result");
  await result.waitForDisplayed({ timeout: 20000 });
  const file = (await result.getText()).replace("Đã lưu tệp Word: ", "").trim();
  assert.ok(existsSync(file), file);
  console.log(`# ${actions} deliberate actions (${asked} items asked)`);
  assert.ok(actions <= 10, `${actions} deliberate actions`);

  const findings = JSON.parse(execFileSync(process.env.KEHOACH_CLI, ["check", "--json", file], { encoding: "utf8" }));
  assert.deepEqual(findings.filter((f) => f.severity === "error").map((f) => `${f.rule}: ${f.message}`), []);
  // The checker finds no year of last year in the unit's words or cells…
  assert.deepEqual(findings.filter((f) => f.rule === "stale-year").map((f) => f.message), []);
  // …and, read independently: every earlier year in the plan is in the words of this year's
  // parent plan (its citations, its periods, its past results), none comes from last year's.
  const parentText = readFileSync(`${process.env.KEHOACH_FIXTURES}/pairs/quan1-2024-2025/new.md`, "utf8").replace(/\*\*/g, "").replace(/\s+/g, " ");
  const paras = docxParagraphs(file);
  assert.ok(paras.some((p) => /năm 2025/.test(p)), "the plan is for 2025");
  const stale = [];
  for (const p of paras) {
    for (const m of p.matchAll(/(năm |\/)20(1\d|2[0-4])\b/g)) {
      const words = p.slice(Math.max(0, m.index - 25), m.index + m[0].length).replace(/\s+/g, " ");
      if (!parentText.includes(words) && !PAST.test(p.slice(0, m.index + 1))) stale.push(words);
    }
  }
  assert.deepEqual(stale, [], "no year before 2025 outside citations and past results");
});
