// Through the year in the real app: the kindergarten plan issued (number and date filled), a dozen
// tasks given a status, a result and evidence on the "Theo dõi thực hiện" screen, and the
// quarter-I and annual reports exported and read back (python-docx, `kehoach check`).
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

test("a plan not yet issued is not tracked: the screen says what to do", async () => {
  await clickText(browser, "Tạo kế hoạch mới");
  await gotoStep(browser, 2);
  await fillFields(browser, TUOI_HONG);
  await waitSaved(browser);
  await press(byTestId(browser, "open-tracking"));
  const problem = await byTestId(browser, "track-problem");
  await problem.waitForDisplayed();
  assert.match(await problem.getText(), /chưa có số và ngày ban hành/);
});

test("a dozen tasks tracked and the quarter-I and annual reports exported", async () => {
  await press(byTestId(browser, "open-tracking"));
  await gotoStep(browser, 2);
  // The clerk fills the number and date once the plan is signed.
  await (await byTestId(browser, "profile-number")).setValue("14");
  await (await byTestId(browser, "profile-date")).setValue("05/01/2024");
  await waitSaved(browser);
  await press(byTestId(browser, "open-tracking"));
  const summary = await byTestId(browser, "track-summary");
  await summary.waitForDisplayed({ timeoutMsg: "the issued plan is tracked" });
  assert.match(await summary.getText(), /Hoàn thành 0\/\d+ nhiệm vụ \(0%\)/);

  const rows = await browser.$$('[data-testid^="task-"]');
  assert.ok(rows.length > 30, `${rows.length} tasks`);
  const labels = [];
  for (const row of rows.slice(0, 12)) labels.push((await row.getAttribute("data-testid")).replace("task-", ""));
  for (const [i, label] of labels.entries()) {
    const status = i % 3 === 2 ? "dang-thuc-hien" : "hoan-thanh";
    const select = await byTestId(browser, `status-${label}`);
    await select.scrollIntoView({ block: "center" });
    await select.selectByAttribute("value", status);
    await (await byTestId(browser, `result-${label}`)).setValue(`Đã triển khai nhiệm vụ ${label} & báo cáo <đúng hạn>`);
    await (await byTestId(browser, `evidence-${label}`)).setValue(`Công văn số ${i + 30}/MNTH`);
  }
  // The principal's own words for the quarter-I report, typed while the last tasks' records are
  // still on their way (their answers must not take the words away).
  await (await byTestId(browser, "report-period")).selectByAttribute("value", "q1");
  await (await byTestId(browser, "note-proposals")).setValue("Đề nghị phường hướng dẫn mẫu báo cáo mới");
  await browser.waitUntil(async () => /Hoàn thành 8\/\d+/.test(await summary.getText()), {
    timeout: 20000,
    timeoutMsg: "the summary counts the 8 tasks done",
  });
  await waitSaved(browser);
  await summary.scrollIntoView();
  await shot(browser, "18-theo-doi-thuc-hien");


  for (const [period, title] of [
    ["q1", "quý I năm 2024"],
    ["year", "năm 2024"],
  ]) {
    await (await byTestId(browser, "report-period")).selectByAttribute("value", period);
    await press(byTestId(browser, "report-docx"));
    const result = await byTestId(browser, "report-result");
    await browser.waitUntil(async () => (await result.isExisting()) && (await result.getText()).includes(period === "q1" ? "quy-I" : "nam"), {
      timeout: 20000,
      timeoutMsg: `the ${period} report was saved`,
    });
    const file = (await result.getText()).replace("Đã lưu: ", "").trim();
    assert.ok(existsSync(file), file);
    const paras = docxParagraphs(file);
    const text = paras.join("\n");
    assert.ok(text.includes("BÁO CÁO"), "a Báo cáo");
    assert.ok(text.includes(`Kết quả thực hiện công tác cải cách hành chính ${title}`), title);
    assert.ok(text.includes("/BC-MNTH"), "its symbol");
    assert.ok(text.includes("& báo cáo <đúng hạn>"), "the typed result");
    if (process.env.E2E_DEBUG) {
      const i = paras.findIndex((p) => p.startsWith("V. "));
      console.log("# V:", JSON.stringify(paras.slice(i, i + 3)), JSON.stringify(await (await byTestId(browser, "note-proposals")).getValue()));
    }
    assert.equal(
      text.includes("Đề nghị phường hướng dẫn mẫu báo cáo mới"),
      period === "q1",
      "the proposal is in the quarter-I report only",
    );
    const findings = JSON.parse(execFileSync(process.env.KEHOACH_CLI, ["check", "--json", file], { encoding: "utf8" }));
    assert.deepEqual(findings.filter((f) => f.severity === "error").map((f) => f.message), []);
  }
  await shot(browser, "19-da-xuat-bao-cao");
});
