import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import FundingStep from "./FundingStep.svelte";
import { Session } from "../lib/session.svelte";
import { newDraftState } from "../lib/defaults";
import type { WorkItem } from "../lib/bindings";

afterEach(() => {
  cleanup();
  clearMocks();
});

const item = (id: string, text: string) => ({ id, kind: "numbered", label: "1.", text, source: id, items: [] });

test("an item of Tổ chức thực hiện the plan asks about shows why, and Giữ answers it", async () => {
  const asked: WorkItem = {
    node: "V.2",
    topic: "to_chuc",
    ask: "unsure",
    group: "unsure",
    title: "Chưa rõ việc của đơn vị hay của cấp trên",
    reason: "Cần xem lại: vừa báo cáo của đơn vị, vừa việc của Phòng Văn hóa - Xã hội.",
    keep: true,
    decided: false,
  };
  const plan = {
    intro: "",
    closing: "",
    parts: [
      { label: "IV", title: "KINH PHÍ THỰC HIỆN", topic: "kinh_phi", items: [item("kinh_phi.1", "Kinh phí …")] },
      { label: "V", title: "TỔ CHỨC THỰC HIỆN", topic: "to_chuc", items: [item("V.1", "Hiệu trưởng: chỉ đạo …"), item("V.2", "Báo cáo kết quả về Ủy ban nhân dân phường.")] },
    ],
  };
  mockIPC((cmd) => {
    if (cmd === "render") return { plan, html: "", findings: [], adaptation: { proposals: [], worklist: [asked], nodes: [], flags: [] } };
    return null;
  });
  const session = new Session({ id: 1, revision: 1, state: newDraftState(2027), can_undo: false, can_redo: false, updated_at: "", change: null, change_step: null, change_in_tracking: false });
  render(FundingStep, { session });
  const reason = await screen.findByTestId("own-reason-V.2");
  expect(reason.textContent).toContain("Phòng Văn hóa - Xã hội");
  expect(reason.textContent).toContain("Đề xuất: giữ");
  expect(screen.queryByTestId("own-reason-V.1")).toBeNull();
  await fireEvent.click(screen.getByTestId("own-keep-V.2"));
  expect(session.draft.decisions.nodes["V.2"]).toEqual({ action: "keep" });
  expect(screen.queryByTestId("own-reason-V.2")).toBeNull();
});

test("the unit's funding sentence in Tổ chức thực hiện is dropped with Bỏ and can be brought back", async () => {
  const plan = {
    intro: "",
    closing: "",
    parts: [
      {
        label: "IV",
        title: "TỔ CHỨC THỰC HIỆN",
        topic: "to_chuc",
        items: [item("IV.1", "Hiệu trưởng: chỉ đạo …"), { ...item("IV.3.kinh-phi", "Kinh phí thực hiện Kế hoạch từ nguồn ngân sách được giao của nhà trường."), source: "IV.3" }],
      },
    ],
  };
  mockIPC((cmd) => {
    if (cmd === "render") return { plan, html: "", findings: [], adaptation: { proposals: [], worklist: [], nodes: [], flags: [] } };
    return null;
  });
  const session = new Session({ id: 1, revision: 1, state: newDraftState(2027), can_undo: false, can_redo: false, updated_at: "", change: null, change_step: null, change_in_tracking: false });
  render(FundingStep, { session });
  const field = (await screen.findByTestId("funding")) as HTMLTextAreaElement;
  expect(field.value).toContain("ngân sách được giao của nhà trường");
  await fireEvent.click(screen.getByTestId("own-drop-IV.3.kinh-phi"));
  expect(session.draft.decisions.nodes["IV.3.kinh-phi"]).toEqual({ action: "drop" });
  // The field no longer takes text that would go nowhere; it offers the sentence back.
  expect(screen.queryByTestId("funding")).toBeNull();
  await fireEvent.click(await screen.findByText("Khôi phục câu kinh phí"));
  expect(session.draft.decisions.nodes["IV.3.kinh-phi"]).toBeUndefined();
  expect(await screen.findByTestId("funding")).toBeTruthy();
});
