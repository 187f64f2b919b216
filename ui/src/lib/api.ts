// The only place the UI talks to the Rust side. Types come from lib/bindings.ts, generated from
// the Rust types, so the two cannot drift.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppError,
  AppInfo,
  Draft,
  DraftState,
  DraftSummary,
  ImportedParent,
  ParentPlanSummary,
  ParentRef,
  Plan,
  Rendered,
  UnitProfile,
  UnitSummary,
} from "./bindings";

export type * from "./bindings";

/** The Vietnamese message of whatever a command threw. */
export function message(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) return String((e as AppError).message);
  return String(e);
}

export const api = {
  appInfo: () => invoke<AppInfo>("app_info"),
  listDrafts: () => invoke<DraftSummary[]>("list_drafts"),
  listUnits: () => invoke<UnitSummary[]>("list_units"),
  getUnit: (id: number) => invoke<UnitProfile>("get_unit", { id }),
  listParentPlans: () => invoke<ParentPlanSummary[]>("list_parent_plans"),
  parentPlan: (parent: ParentRef) => invoke<Plan>("parent_plan", { parent }),
  importParent: () => invoke<ImportedParent | null>("import_parent"),
  newDraft: (draft: DraftState) => invoke<Draft>("new_draft", { draft }),
  openDraft: (id: number) => invoke<Draft>("open_draft", { id }),
  saveDraft: (id: number, draft: DraftState, note: string) =>
    invoke<Draft>("save_draft", { id, draft, note }),
  undo: (id: number) => invoke<Draft | null>("undo", { id }),
  redo: (id: number) => invoke<Draft | null>("redo", { id }),
  deleteDraft: (id: number) => invoke<null>("delete_draft", { id }),
  render: (draft: DraftState) => invoke<Rendered>("render", { draft }),
  exportDocx: (draft: DraftState) => invoke<string | null>("export_docx", { draft }),
  exportPdf: (draft: DraftState) => invoke<string | null>("export_pdf", { draft }),
  print: (draft: DraftState) => invoke<string>("print", { draft }),
};
