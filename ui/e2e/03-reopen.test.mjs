// Close and reopen the app: the draft is there with every decision, and undo still works.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { startApp, shot, byTestId, gotoStep, press, waitSaved, openGroup } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await startApp();
});
after(async () => {
  await browser?.deleteSession();
});

test("the draft survives closing the app, with its decisions and its undo history", async () => {
  const first = await browser.$('[data-testid^="draft-"]');
  await first.waitForDisplayed();
  assert.match(await first.getText(), /TRƯỜNG MẦM NON TUỔI HỒNG|Trường mầm non Tuổi Hồng/);
  await shot(browser, "11-mo-lai-ban-nhap");
  await first.click();
  const title = await browser.$("#step-title");
  await title.waitForDisplayed();
  assert.equal(await title.getText(), "Bước 9. Kiểm tra và xuất", "opens where the user left off");

  await gotoStep(browser, 4);
  await openGroup(browser, "III.1");
  const dropped = await browser.$('.item-row[data-node="III.1.2"]');
  assert.match(await dropped.getAttribute("class"), /dropped/, "the dropped task is still dropped");
  const edit = await byTestId(browser, "edit-III.1.3");
  assert.match(await edit.getValue(), /Phòng Giáo dục và Đào tạo/, "the edit is still there");

  // Undo walks back through revisions saved before the restart: it takes back the last change
  // of content (moving between steps is not one), says what and where, and shows that step.
  await waitSaved(browser);
  await browser.keys(["Control", "z"]);
  const notice = await byTestId(browser, "undo-notice");
  await notice.waitForDisplayed({ timeoutMsg: "the undo says what it took back" });
  const said = await notice.getText();
  const where = said.match(/^Đã hoàn tác: \S.* \(bước (\d)\)$/);
  assert.ok(where, `what and where: ${said}`);
  await title.waitUntil(async () => (await title.getText()).startsWith(`Bước ${where[1]}.`), {
    timeoutMsg: `undo shows step ${where[1]}, where the change was made`,
  });
  await browser.keys(["Control", "y"]);
  await notice.waitUntil(async () => (await notice.getText()).startsWith("Đã làm lại: "), { timeoutMsg: "redo says what it made again" });
  assert.ok((await title.getText()).startsWith(`Bước ${where[1]}.`), "redo stays there");
  await shot(browser, "12-hoan-tac-sau-khi-mo-lai");
});

test("undo puts the edit box back to the undone text, and typing on does not bring the undone words back", async () => {
  await gotoStep(browser, 4);
  await waitSaved(browser);
  await openGroup(browser, "III.1");
  const edit = await byTestId(browser, "edit-III.1.3");
  await edit.waitForDisplayed();
  const before = await edit.getValue();
  await press(edit);
  await browser.keys(["End"]);
  await browser.keys([..." XYZ"]);
  await waitSaved(browser);
  assert.equal(await edit.getValue(), `${before} XYZ`);
  await press(await browser.$('button[title="Hoàn tác (Ctrl+Z)"]'));
  await edit.waitUntil(async () => (await edit.getValue()) === before, { timeoutMsg: "the box shows the undone text" });
  await press(edit);
  await browser.keys(["End"]);
  await browser.keys(["."]);
  await waitSaved(browser);
  assert.equal(await edit.getValue(), `${before}.`, "the undone words stay undone");
});
