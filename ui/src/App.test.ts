import { render, screen } from "@testing-library/svelte";
import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import App from "./App.svelte";

afterEach(() => clearMocks());

test("the start screen offers the three ways to begin and shows what Rust answered", async () => {
  mockIPC((cmd) => {
    if (cmd === "app_info")
      return {
        version: "9.8.7",
        builtins: [{ id: "quan1-2024", title: "Kế hoạch 04/KH-UBND", issuer: "Ủy ban nhân dân Quận 1", year: 2024 }],
        presets: [],
        pdf: true,
        data_path: "/tmp/x.db",
        recovered_from: null,
      };
    if (cmd === "list_drafts")
      return [{ id: 3, title: "Kế hoạch CCHC năm 2025", unit: "Trường mầm non A", created_at: "2025-01-02 08:00:00", updated_at: "2025-01-03 09:10:11", revisions: 7 }];
    return null;
  });
  render(App);
  expect(screen.getByRole("heading", { name: "Kế hoạch CCHC" })).toBeTruthy();
  for (const label of ["Tạo kế hoạch mới", "Mở bản nháp", "Nhập kế hoạch cấp trên"]) {
    expect(screen.getByRole("button", { name: label })).toBeTruthy();
  }
  expect(await screen.findByText("Phiên bản 9.8.7")).toBeTruthy();
  expect(await screen.findByText("Kế hoạch CCHC năm 2025")).toBeTruthy();
  expect(screen.getByText(/sửa lần cuối 2025-01-03 09:10 · 7 phiên bản/)).toBeTruthy();
});

test("a broken data file that was moved aside is reported in Vietnamese", async () => {
  mockIPC((cmd) => {
    if (cmd === "app_info")
      return { version: "1.0.0", builtins: [], presets: [], pdf: false, data_path: "/d/kehoach.db", recovered_from: "/d/kehoach.db.hong-1" };
    if (cmd === "list_drafts") return [];
    return null;
  });
  render(App);
  expect(await screen.findByText(/đã được cất sang/)).toBeTruthy();
  expect(screen.getByText("/d/kehoach.db.hong-1")).toBeTruthy();
  expect(screen.getByText(/Chưa có bản nháp nào/)).toBeTruthy();
});
