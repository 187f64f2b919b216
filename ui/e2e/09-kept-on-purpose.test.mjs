// The check respects the principal's decisions: an item kept on purpose although it speaks of the
// parent's scope is listed once as kept, not raised again as a fault; the step counts what it lists.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { startApp, shot, byTestId, clickText, gotoStep, press, fillFields, TUOI_HONG, waitSaved } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await startApp();
});
after(async () => {
  await browser?.deleteSession();
});

/** The findings listed in step 9: [node, rule] of each line. */
async function listed() {
  const out = [];
  for (const li of await browser.$$('[data-testid="findings"] > li')) {
    out.push([await li.getAttribute("data-node"), await li.getAttribute("data-rule")]);
  }
  return out;
}

/** What the step says it lists: errors + warnings. */
async function counted() {
  const text = await (await byTestId(browser, "findings-count")).getText();
  const m = text.match(/^(\d+) lỗi, (\d+) lưu ý/);
  assert.ok(m, text);
  return Number(m[1]) + Number(m[2]);
}

test("an item kept on purpose is not raised again; the check step counts what it lists", async () => {
  await clickText(browser, "Tạo kế hoạch mới");
  await (await browser.$("#step-title")).waitForDisplayed();
  await gotoStep(browser, 2);
  await fillFields(browser, TUOI_HONG);
  await waitSaved(browser);
  await gotoStep(browser, 9);
  await (await byTestId(browser, "findings")).waitForDisplayed();
  const before = await listed();
  assert.equal(await counted(), before.length, "the count is what is listed");
  const scoped = new Set(before.filter(([, r]) => r === "parent-scope" || r === "parent-actor").map(([n]) => n));
  assert.ok(scoped.size > 0, "the district's scope is pointed out");

  // In step 4's worklist, the principal keeps one of those items on purpose.
  await gotoStep(browser, 4);
  let node = null;
  for (const row of await browser.$$('[data-testid^="work-row-"]')) {
    const id = (await row.getAttribute("data-testid")).replace("work-row-", "");
    if (scoped.has(id)) {
      node = id;
      break;
    }
  }
  assert.ok(node, "an item of the worklist is one the check points out");
  await press(await byTestId(browser, `work-keep-${node}`));
  await waitSaved(browser);

  await gotoStep(browser, 9);
  const list = await byTestId(browser, "findings");
  await list.waitUntil(async () => !(await listed()).some(([n, r]) => n === node && (r === "parent-scope" || r === "parent-actor")), {
    timeoutMsg: "the kept item is not raised again",
  });
  const after = await listed();
  assert.equal(await counted(), after.length, "the count is what is listed");
  const kept = await byTestId(browser, "kept-on-purpose");
  assert.ok(await kept.isExisting(), "the kept item is said once");
  assert.ok((await kept.$$(`li[data-node="${node}"]`)).length >= 1);
  await shot(browser, "09-da-chon-giu");
});
