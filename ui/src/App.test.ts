import { cleanup, render, screen } from "@testing-library/svelte";
import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import App from "./App.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

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
        rescued: 0,
        read_only: null,
        store_problem: null,
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
  // Times as people write them, not as they are stored.
  expect(screen.getByText(/sửa lần cuối 03\/01\/2025 09:10 · đã lưu 7 lần/)).toBeTruthy();
});

test("a broken data file that was moved aside is reported in Vietnamese", async () => {
  mockIPC((cmd) => {
    if (cmd === "app_info")
      return { ...INFO, recovered_from: "/d/kehoach.db.hong-1", rescued: 0 };
    if (cmd === "list_drafts") return [];
    return null;
  });
  render(App);
  expect(await screen.findByText(/đã được cất sang/)).toBeTruthy();
  expect(screen.getByText("/d/kehoach.db.hong-1")).toBeTruthy();
  expect(screen.getByText(/Chưa có bản nháp nào/)).toBeTruthy();
});

const INFO = {
  version: "1.0.0",
  builtins: [],
  presets: [],
  pdf: false,
  data_path: "/d/kehoach.db",
  recovered_from: null,
  rescued: 0,
  read_only: null,
  store_problem: null,
};

test("drafts copied out of a damaged file are counted", async () => {
  mockIPC((cmd) => {
    if (cmd === "app_info") return { ...INFO, recovered_from: "/d/kehoach.db.hong-2", rescued: 3 };
    if (cmd === "list_drafts") return [];
    return null;
  });
  render(App);
  expect(await screen.findByText(/đã chép được 3 bản nháp còn đọc được/)).toBeTruthy();
});

test("a data file that cannot be opened is shown once, and nothing can be created", async () => {
  const problem = "Không mở hoặc không ghi được tệp dữ liệu: ổ đĩa đã đầy. Những gì đã lưu trước đó vẫn còn nguyên.";
  mockIPC((cmd) => {
    if (cmd === "app_info") return { ...INFO, store_problem: problem };
    if (cmd === "list_drafts") throw { code: "store", message: problem };
    return null;
  });
  render(App);
  expect(await screen.findByTestId("store-problem")).toBeTruthy();
  expect(screen.getAllByText(new RegExp("ổ đĩa đã đầy")).length).toBe(1);
  // Not "no drafts yet": the list could not be read.
  expect(screen.queryByText(/Chưa có bản nháp nào/)).toBeNull();
  expect(screen.getByText(/Chưa đọc được danh sách bản nháp/)).toBeTruthy();
  expect((screen.getByRole("button", { name: "Tạo kế hoạch mới" }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole("button", { name: "Nhập kế hoạch cấp trên" }) as HTMLButtonElement).disabled).toBe(true);
});

test("a read-only data file still lists the drafts and says why nothing is saved", async () => {
  mockIPC((cmd) => {
    if (cmd === "app_info") return { ...INFO, read_only: "thư mục hoặc tệp chỉ cho đọc, không ghi được (/d/kehoach.db)" };
    if (cmd === "list_drafts")
      return [{ id: 1, title: "Kế hoạch CCHC năm 2027", unit: "Trường A", created_at: "2027-01-02 08:00:00", updated_at: "2027-01-02 08:00:00", revisions: 2 }];
    return null;
  });
  render(App);
  expect(await screen.findByTestId("read-only")).toBeTruthy();
  expect(await screen.findByText("Kế hoạch CCHC năm 2027")).toBeTruthy();
  expect((screen.getByRole("button", { name: "Tạo kế hoạch mới" }) as HTMLButtonElement).disabled).toBe(true);
});

const SUMMARY = (id: number, title: string) => ({
  id,
  title,
  unit: "Trường A",
  created_at: "2027-01-02 08:00:00",
  updated_at: "2027-01-02 08:00:00",
  revisions: 2,
});

test("'Mở bản nháp' opens the only draft, points at the list of several, and says when there is none", async () => {
  const { fireEvent } = await import("@testing-library/svelte");
  for (const [list, expected] of [
    [[], /Chưa có bản nháp nào để mở/],
    [[SUMMARY(1, "Kế hoạch A"), SUMMARY(2, "Kế hoạch B")], /Có 2 bản nháp: chọn bản cần mở/],
  ] as const) {
    mockIPC((cmd) => {
      if (cmd === "app_info") return INFO;
      if (cmd === "list_drafts") return list;
      return null;
    });
    render(App);
    if (list.length) await screen.findByText("Kế hoạch B");
    await fireEvent.click(screen.getByRole("button", { name: "Mở bản nháp" }));
    expect((await screen.findByTestId("open-hint")).textContent).toMatch(expected);
    cleanup();
    clearMocks();
  }
  const opened: number[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "app_info") return INFO;
    if (cmd === "list_drafts") return [SUMMARY(5, "Kế hoạch duy nhất")];
    if (cmd === "open_draft") {
      opened.push((args as { id: number }).id);
      throw { code: "store", message: "dừng ở đây" };
    }
    return null;
  });
  render(App);
  await screen.findByText("Kế hoạch duy nhất");
  await fireEvent.click(screen.getByRole("button", { name: "Mở bản nháp" }));
  await screen.findByText("dừng ở đây");
  expect(opened).toEqual([5]);
});
