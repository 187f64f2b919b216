// A first-time principal makes the kindergarten plan from the built-in district plan in at most
// 15 deliberate actions (each click, each field typed and each key that decides counts), and the
// .docx it exports passes the checker with no error and names no district body as the one who
// acts in part III. Then every step is looked at at 1280×720 and 1366×768: nothing cut off.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { startApp, shot, byTestId, clickText, gotoStep, waitSaved, docxParagraphs, press, fillFields, TUOI_HONG } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await startApp();
});
after(async () => {
  await browser?.deleteSession();
});

/** A body of the former district (or its wards) named as the one who acts: its People's
 * Committee, chairman, leaders, offices and divisions. Names in quotes (a Zalo channel called
 * “Ủy ban nhân dân Quận 1”) are names, not actors. */
const DISTRICT_ACTOR =
  /(Ủy ban nhân dân|UBND|Chủ tịch|lãnh đạo|Văn phòng HĐND và UBND|Phòng [A-ZĐ][^,;.]{0,40}?|phòng chuyên môn thuộc [^,;.]{0,30}?)\s+(quận|Quận 1|huyện)(?![\p{L}\d])|(?<![\p{L}])(các|\d+) phường(?![\p{L}])/u;

/** A cited document, from its type to the end of its title ("Quyết định số 2272/QĐ-UBND ngày … của
 * Ủy ban nhân dân Quận 1 về ban hành Quy chế phối hợp giữa các cơ quan, đơn vị thuộc Ủy ban nhân dân
 * Quận 1 …"): quoted word for word, its issuer and title name the district without it acting. */
const CITATION =
  /(?:Kế hoạch|Quyết định|Công văn|Chỉ thị|Nghị quyết|Nghị định|Thông báo|Văn bản)\s+(?:số\s+)?\d+[-/]\S+[^;.]*/g;
const actorsIn = (text) => {
  const bare = text.replace(/“[^”]*”/g, "").replace(CITATION, "");
  const m = bare.match(DISTRICT_ACTOR);
  return m ? m[0] : null;
};

let actions = 0;
/** One deliberate action of the user. */
async function act(what) {
  actions += 1;
  await what();
}

test("the kindergarten plan in at most 15 deliberate actions, exported without an error", async () => {
  await act(() => clickText(browser, "Tạo kế hoạch mới"));
  const title = await browser.$("#step-title");
  await title.waitUntil(async () => (await title.getText()) === "Bước 1. Kế hoạch cấp trên");
  await act(() => clickText(browser, "Tiếp theo →"));
  await title.waitUntil(async () => (await title.getText()) === "Bước 2. Thông tin đơn vị");
  // The year comes from the parent plan (2024), not from the computer's clock.
  assert.equal(await (await byTestId(browser, "draft-title")).getText(), "Kế hoạch CCHC năm 2024");
  await fillFields(browser, TUOI_HONG, act);
  // The rewordings first, all as proposed (the text of the tasks is then the unit's).
  await act(() => gotoStep(browser, 5));
  await act(() => press(byTestId(browser, "use-defaults")));
  await waitSaved(browser);
  await act(() => gotoStep(browser, 4));

  // The worklist comes first: what needs a look, with its reason and its whole text.
  const worklist = await byTestId(browser, "worklist");
  await worklist.waitForDisplayed({ timeoutMsg: "step 4 opens on the worklist" });
  const rows = await browser.$$('[data-testid^="work-row-"]');
  assert.ok(rows.length >= 5, `items that need a look are listed first (${rows.length})`);
  for (const row of rows) assert.ok(!(await row.getText()).includes("…"), "no item text cut off");
  // One number for what needs a look: the worklist's and the filter's are the same.
  const filter = await (await byTestId(browser, "filter-flagged")).parentElement();
  assert.ok((await filter.getText()).includes(`(${rows.length})`), `the filter counts the ${rows.length} listed: ${await filter.getText()}`);
  await shot(browser, "15-buoc-4-viec-can-xem");
  // The principal drops the tasks that are still the district's own work, as the unit's text
  // reads now.
  let dropped = 0;
  for (const row of rows) {
    const unit = await row.$(".unit-text");
    const text = (await unit.isExisting()) ? await unit.getText() : await (await row.$(".parent-text")).getText();
    if (!actorsIn(text)) continue;
    const id = (await row.getAttribute("data-testid")).replace("work-row-", "");
    await act(() => press(browser.$(`[data-testid="work-drop-${id}"]`)));
    dropped += 1;
  }
  assert.ok(dropped >= 1, "some listed task is the district's");

  await act(() => gotoStep(browser, 9));
  await waitSaved(browser);
  await act(() => press(byTestId(browser, "export-docx")));
  const result = await byTestId(browser, "export-result");
  await result.waitForDisplayed({ timeout: 20000 });
  const file = (await result.getText()).replace("Đã lưu tệp Word: ", "").trim();
  assert.ok(existsSync(file), `${file} exists`);
  assert.ok(actions <= 15, `${actions} deliberate actions`);
  console.log(`# ${actions} deliberate actions (${dropped} tasks dropped from the worklist)`);

  // The exported file, read back: no finding at error level…
  const cli = process.env.KEHOACH_CLI;
  assert.ok(cli && existsSync(cli), "KEHOACH_CLI is the command-line tool");
  const findings = JSON.parse(execFileSync(cli, ["check", "--json", file], { encoding: "utf8" }));
  const errors = findings.filter((f) => f.severity === "error");
  assert.deepEqual(errors.map((f) => `${f.rule}: ${f.message}`), []);
  // …and no district body acting in part III.
  const paras = docxParagraphs(file);
  const start = paras.findIndex((p) => /^III\. /.test(p));
  const end = paras.findIndex((p, i) => i > start && /^IV\. /.test(p));
  assert.ok(start > 0 && end > start, "part III is there");
  const leftovers = paras.slice(start, end).map(actorsIn).filter(Boolean);
  assert.deepEqual(leftovers, [], "no district actor left in part III");
  // Nor among those who carry the plan out (part V, up to the closing sentence).
  const v = paras.findIndex((p, i) => i > end && /^V\. /.test(p));
  const close = paras.findIndex((p, i) => i > v && /^Trên đây|^Nơi nhận/.test(p));
  assert.ok(v > end && close > v, "part V is there");
  assert.deepEqual(paras.slice(v, close).map(actorsIn).filter(Boolean), [], "no district actor in part V");
  assert.ok(paras.includes("TRƯỜNG MẦM NON TUỔI HỒNG"), "the unit's header");
});

test("every step at 1280×720 and 1366×768: nothing cut off, no raw template text, no English", async () => {
  for (const [w, h] of [
    [1280, 720],
    [1366, 768],
  ]) {
    await browser.setWindowSize(w, h);
    await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === w, {
      timeoutMsg: `the window is ${w} wide`,
    });
    for (let n = 1; n <= 9; n++) {
      await gotoStep(browser, n);
      const problems = await browser.execute(() => {
        const out = [];
        const text = document.body.innerText;
        if (/\{\{|\}\}/.test(text)) out.push("raw template text");
        for (const word of ["undefined", "null", "NaN", "Error", "templates/", "boilerplate", "true", "false"]) {
          if (new RegExp(`(^|\\s)${word}(\\s|$)`).test(text)) out.push(`"${word}" on screen`);
        }
        // Nothing wider than its panel (a cut-off line or a hidden button).
        for (const el of document.querySelectorAll(".step, .topbar, .progress, .step-nav")) {
          if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className} is ${el.scrollWidth - el.clientWidth}px too wide`);
        }
        for (const t of document.querySelectorAll(".step textarea")) {
          if (t.offsetParent && t.scrollHeight > t.clientHeight + 4) out.push(`a box hides part of its text: “${t.value.slice(0, 40)}”`);
        }
        for (const b of document.querySelectorAll(".step-nav button, .topbar button")) {
          const r = b.getBoundingClientRect();
          if (r.right > window.innerWidth || r.bottom > window.innerHeight) out.push(`button “${b.textContent}” off screen`);
        }
        return out;
      });
      assert.deepEqual(problems, [], `step ${n} at ${w}×${h}`);
      await shot(browser, `${w}x${h}-buoc-${n}`);
    }
  }
  await browser.setWindowSize(1280, 720);
});
