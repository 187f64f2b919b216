import { render, screen } from "@testing-library/svelte";
import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import App from "./App.svelte";

afterEach(() => clearMocks());

test("the start screen offers the three ways to begin and shows the version from Rust", async () => {
  mockIPC((cmd) => (cmd === "app_info" ? { version: "9.8.7" } : null));
  render(App);
  expect(screen.getByRole("heading", { name: "Kế hoạch CCHC" })).toBeTruthy();
  for (const label of ["Tạo kế hoạch mới", "Mở bản nháp", "Nhập kế hoạch cấp trên"]) {
    expect(screen.getByRole("button", { name: label })).toBeTruthy();
  }
  expect(await screen.findByText("Phiên bản 9.8.7")).toBeTruthy();
});
