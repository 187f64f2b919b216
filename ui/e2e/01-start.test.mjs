import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { startApp, shot } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await startApp();
});
after(async () => {
  await browser?.deleteSession();
});

test("the start screen is in Vietnamese and shows what the Rust side answered", async () => {
  const title = await browser.$("h1");
  await title.waitForDisplayed({ timeout: 10000 });
  assert.equal(await title.getText(), "Kế hoạch CCHC");
  for (const label of ["Tạo kế hoạch mới", "Mở bản nháp", "Nhập kế hoạch cấp trên"]) {
    const button = await browser.$(`button=${label}`);
    assert.ok(await button.isDisplayed(), `button "${label}" is shown`);
  }
  const version = await browser.$('[data-testid="version"]');
  await version.waitForDisplayed({ timeout: 10000 });
  assert.match(await version.getText(), /^Phiên bản \d+\.\d+\.\d+/);
  await shot(browser, "00-start");
});
