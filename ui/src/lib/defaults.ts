// A new draft's starting values.
import type { DraftState, Layout, UnitProfile } from "./bindings";

export const defaultLayout = (): Layout => ({
  margin_top_mm: 20,
  margin_bottom_mm: 20,
  margin_left_mm: 30,
  margin_right_mm: 15,
  body_pt: 14,
  line_spacing: 1.15,
  signature_lines: 4,
});

export const emptyProfile = (year: number): UnitProfile => ({
  name: "",
  short_name: "",
  type: "mam-non",
  parent_body: "",
  parent_body_header: "",
  place: "",
  year,
  number: null,
  date: null,
  signer_authority: "",
  signer_title: "",
  signer_name: "",
  recipients: [],
  layout: null,
});

export const newDraftState = (year: number): DraftState => ({
  title: `Kế hoạch CCHC năm ${year}`,
  parent: { kind: "builtin", id: "quan1-2024" },
  profile: emptyProfile(year),
  preset: "mam-non",
  decisions: { nodes: {}, added: [], order: {}, rewordings: {}, rules: {}, appendix: {}, texts: {} },
  layout: defaultLayout(),
  step: 1,
  plan: null,
  tracking: { tasks: {}, reports: {} },
});

/** The fields of a profile a plan cannot do without, with their labels. */
export function missingProfileFields(p: UnitProfile | null): string[] {
  if (!p) return ["thông tin đơn vị"];
  const missing: string[] = [];
  if (!p.name.trim()) missing.push("Tên đơn vị");
  if (!p.short_name.trim()) missing.push("Tên viết tắt");
  if (!p.place.trim()) missing.push("Địa danh");
  if (!(p.year >= 1990 && p.year <= 2100)) missing.push("Năm kế hoạch");
  return missing;
}
