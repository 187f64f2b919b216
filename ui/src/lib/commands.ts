// Generated from the #[tauri::command] signatures in src-tauri/src by
// src-tauri/tests/it/commands.rs. Do not edit: run
// `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it commands` after changing a command.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo, Draft, DraftState, DraftSummary, ImportedParent, ParentPlanSummary, ParentRef, ParentView, Period, Rendered, TaskRecord, Tracked, UnitProfile, UnitSummary } from "./bindings";

export const commands = {
  appInfo: () => invoke<AppInfo>("app_info"),
  listDrafts: () => invoke<Array<DraftSummary>>("list_drafts"),
  listUnits: () => invoke<Array<UnitSummary>>("list_units"),
  getUnit: (id: number) => invoke<UnitProfile>("get_unit", { id }),
  listParentPlans: () => invoke<Array<ParentPlanSummary>>("list_parent_plans"),
  parentPlan: (parent: ParentRef) => invoke<ParentView>("parent_plan", { parent }),
  importParent: () => invoke<ImportedParent | null>("import_parent"),
  newDraft: (draft: DraftState) => invoke<Draft>("new_draft", { draft }),
  nextYearDraft: (id: number) => invoke<Draft | null>("next_year_draft", { id }),
  openDraft: (id: number) => invoke<Draft>("open_draft", { id }),
  saveDraft: (id: number, base: number | null, draft: DraftState, note: string) => invoke<Draft>("save_draft", { id, base, draft, note }),
  undo: (id: number, step: number | null) => invoke<Draft | null>("undo", { id, step }),
  redo: (id: number, step: number | null) => invoke<Draft | null>("redo", { id, step }),
  deleteDraft: (id: number) => invoke<null>("delete_draft", { id }),
  render: (draft: DraftState) => invoke<Rendered>("render", { draft }),
  exportDocx: (draft: DraftState) => invoke<string | null>("export_docx", { draft }),
  exportPdf: (draft: DraftState) => invoke<string | null>("export_pdf", { draft }),
  track: (draft: DraftState) => invoke<Tracked>("track", { draft }),
  trackTask: (draft: DraftState, task: string, update: TaskRecord) => invoke<DraftState>("track_task", { draft, task, update }),
  exportReport: (draft: DraftState, period: Period, ext: string) => invoke<string | null>("export_report", { draft, period, ext }),
  showInFolder: (path: string) => invoke<null>("show_in_folder", { path }),
  print: (draft: DraftState) => invoke<string>("print", { draft }),
  firstPaint: () => invoke<null>("first_paint"),
  quit: () => invoke<null>("quit"),
};
