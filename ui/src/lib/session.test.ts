import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, expect, test, vi } from "vitest";
import { Session } from "./session.svelte";
import { newDraftState } from "./defaults";
import type { Draft, DraftState } from "./api";

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

function draft(revision: number, state: DraftState): Draft {
  return { id: 7, revision, state, can_undo: true, can_redo: false, updated_at: "2027-01-02 08:00:00", change: null, change_step: null, change_in_tracking: false };
}

test("a save names the revision it was made from, and a conflict keeps the user's state", async () => {
  const stored = { revision: 10, state: newDraftState(2027) };
  const saves: { base: number; title: string }[] = [];
  mockIPC((cmd, args) => {
    const a = args as { id: number; base: number; draft: DraftState };
    if (cmd === "render") throw { code: "adapt", message: "không cần" };
    if (cmd === "open_draft") return draft(stored.revision, stored.state);
    if (cmd === "save_draft") {
      saves.push({ base: a.base, title: a.draft.title });
      if (a.base !== stored.revision)
        throw { code: "conflict", message: "Bản nháp này vừa được sửa ở một cửa sổ khác (lúc 08:05)." };
      stored.revision += 1;
      stored.state = a.draft;
      return draft(stored.revision, a.draft);
    }
    return null;
  });
  const s = new Session(draft(10, newDraftState(2027)));
  s.update((d) => (d.title = "Của cửa sổ này"));
  await s.flush();
  expect(saves.at(-1)).toEqual({ base: 10, title: "Của cửa sổ này" });
  expect(s.status).toBe("saved");
  expect(s.revision).toBe(11);

  // Another window saves revision 12.
  stored.revision = 12;
  stored.state = { ...stored.state, title: "Của cửa sổ kia" };
  s.update((d) => (d.title = "Sửa tiếp ở đây"));
  await s.flush();
  expect(s.status).toBe("conflict");
  expect(s.saveError).toMatch(/cửa sổ khác/);
  expect(s.draft.title).toBe("Sửa tiếp ở đây");
  expect(stored.state.title).toBe("Của cửa sổ kia");
  expect(s.unsaved).toBe(true);

  // Keeping mine saves it on top of the other window's revision.
  await s.keepMine();
  expect(saves.at(-1)).toEqual({ base: 12, title: "Sửa tiếp ở đây" });
  expect(stored.state.title).toBe("Sửa tiếp ở đây");
  expect(s.status).toBe("saved");
});

test("opening the other window's version replaces this one's", async () => {
  const theirs = { ...newDraftState(2027), title: "Của cửa sổ kia" };
  mockIPC((cmd) => {
    if (cmd === "render") throw { code: "adapt", message: "không cần" };
    if (cmd === "open_draft") return draft(20, theirs);
    if (cmd === "save_draft") throw { code: "conflict", message: "Bản nháp này vừa được sửa ở một cửa sổ khác." };
    return null;
  });
  const s = new Session(draft(19, newDraftState(2027)));
  s.update((d) => (d.title = "Của tôi"));
  await s.flush();
  expect(s.status).toBe("conflict");
  await s.takeTheirs();
  expect(s.draft.title).toBe("Của cửa sổ kia");
  expect(s.revision).toBe(20);
  expect(s.status).toBe("saved");
});

test("a save that fails is tried again by itself, and the state is kept meanwhile", async () => {
  vi.useFakeTimers();
  let fail = 2;
  let saved: string | null = null;
  mockIPC((cmd, args) => {
    const a = args as { draft: DraftState };
    if (cmd === "render") throw { code: "adapt", message: "không cần" };
    if (cmd === "save_draft") {
      if (fail-- > 0) throw { code: "store", message: "Không mở hoặc không ghi được tệp dữ liệu: ổ đĩa đã đầy." };
      saved = a.draft.title;
      return draft(31, a.draft);
    }
    return null;
  });
  const s = new Session(draft(30, newDraftState(2027)));
  s.update((d) => (d.title = "Không được mất"));
  await s.flush();
  expect(s.status).toBe("error");
  expect(s.saveError).toMatch(/ổ đĩa đã đầy/);
  await vi.advanceTimersByTimeAsync(1000);
  expect(s.status).toBe("error");
  await vi.advanceTimersByTimeAsync(3000);
  expect(saved).toBe("Không được mất");
  expect(s.status).toBe("saved");
  expect(s.saveError).toBeNull();
});

test("typing renders the preview once it pauses, not on every keystroke", async () => {
  vi.useFakeTimers();
  let renders = 0;
  mockIPC((cmd, args) => {
    if (cmd === "render") {
      renders += 1;
      return { plan: {}, html: "", findings: [], proposals: [], adaptation: null, pages: 1 };
    }
    if (cmd === "save_draft") return draft(41, (args as { draft: DraftState }).draft);
    return null;
  });
  const s = new Session(draft(40, newDraftState(2027)));
  await vi.advanceTimersByTimeAsync(0);
  const atOpen = renders;
  for (const ch of "Nguyễn Văn An") {
    s.update((d) => (d.title += ch));
    await vi.advanceTimersByTimeAsync(60);
  }
  // Every keystroke is in the state at once …
  expect(s.draft.title.endsWith("Nguyễn Văn An")).toBe(true);
  expect(renders).toBe(atOpen);
  // … and the preview follows once, when typing pauses.
  await vi.advanceTimersByTimeAsync(200);
  expect(renders).toBe(atOpen + 1);
});
