import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { mockIPC, clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, expect, test } from "vitest";
import RewordStep from "./RewordStep.svelte";
import { Session } from "../lib/session.svelte";
import { newDraftState } from "../lib/defaults";
import type { DraftState, Proposal } from "../lib/api";

afterEach(() => {
  cleanup();
  clearMocks();
});

const proposal = (id: string, rule: string, status: Proposal["status"], on: boolean): Proposal => ({
  id,
  rule,
  label: `quy tắc ${rule}`,
  node: "III.1.1",
  before: "cán bộ, công chức, viên chức",
  after: "viên chức",
  context_before: "",
  context_after: "",
  status,
  default: on,
  in_appendix: false,
});

test("one click gives every proposal not yet looked at its default, in one revision", async () => {
  const saved: DraftState[] = [];
  const proposals = [
    proposal("a:1", "a", "pending", true),
    proposal("a:2", "a", "rejected", true),
    proposal("b:1", "b", "pending", false),
  ];
  mockIPC((cmd, args) => {
    if (cmd === "render")
      return { plan: { parts: [] }, html: "", findings: [], pages: 1, adaptation: { proposals } };
    if (cmd === "save_draft") {
      const d = (args as { draft: DraftState }).draft;
      saved.push(d);
      return { id: 1, revision: 2, state: d, can_undo: true, can_redo: false, updated_at: "", change: null, change_step: null, change_in_tracking: false };
    }
    return null;
  });
  const session = new Session({ id: 1, revision: 1, state: newDraftState(2027), can_undo: false, can_redo: false, updated_at: "", change: null, change_step: null, change_in_tracking: false });
  render(RewordStep, { session });
  const button = await screen.findByTestId("use-defaults");
  expect(button.textContent).toContain("(2)");
  await fireEvent.click(button);
  expect(session.draft.decisions.rewordings).toEqual({ "a:1": true, "b:1": false });
  await session.flush();
  expect(saved).toHaveLength(1);
});
