// Generated from the Rust types by src-tauri/src/bindings.rs (ts-rs). Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it bindings` after changing a type.

export type AppInfo = { version: string, builtins: Array<BuiltinPlan>, presets: Array<PresetInfo>, 
/**
 * A serif face the PDF is set in is installed (PDF export and printing need no office
 * suite).
 */
pdf: boolean, data_path: string, 
/**
 * Where a broken data file was moved on start, if it was.
 */
recovered_from: string | null, 
/**
 * How many drafts were copied out of that broken file.
 */
rescued: number, 
/**
 * Why the data file is open for reading only, if it is (drafts can be read and exported).
 */
read_only: string | null, 
/**
 * Why the data file could not be opened at all, if it could not (nothing can be saved).
 */
store_problem: string | null, };

export type PresetInfo = { id: string, name: string, signer_title: string, };

export type Rendered = { plan: Plan, 
/**
 * The adaptation (proposals, flags, item states); none before the unit is described.
 */
adaptation: Adaptation | null, html: string, findings: Array<Finding>, 
/**
 * What the unit's description lacks (the preview then shows the parent's plan), if anything.
 */
unit_missing: string | null, 
/**
 * The fields of the unit's profile that a plan cannot do without and that are empty.
 */
missing: Array<ProfileField>, 
/**
 * Findings about the parent's scope on items the user kept on purpose: listed once, not as
 * faults.
 */
kept_on_purpose: Array<Finding>, 
/**
 * The draft's name: "Kế hoạch CCHC năm 2024".
 */
title: string, 
/**
 * The unit's plan is set for another year than its parent's.
 */
year_note: YearNote | null, 
/**
 * The parent plan was issued by another body than the unit's parent body.
 */
parent_note: string | null, 
/**
 * Which place name Decree 30 wants for the unit.
 */
place_hint: string | null, 
/**
 * How the user finds each item of the plan ("1.11. (gạch đầu dòng 5)"), by item id.
 */
places: { [key in string]?: string }, };

export type ParentView = { plan: Plan, notes: Array<string>, 
/**
 * The year the parent plan is for: a new unit plan is for the same year.
 */
year: number | null, };

export type YearNote = { 
/**
 * The parent plan's year (the one to choose, usually).
 */
parent: number, unit: number, message: string, };

export type ImportedParent = { id: number, parent: ParentView, file_name: string, };

export type AppError = { code: string, message: string, };

export type BuiltinPlan = { id: string, title: string, issuer: string, year: number, };

export type Plan = { 
/**
 * Phần đầu: cơ quan chủ quản, cơ quan ban hành, số, ký hiệu, địa danh, ngày.
 */
header: Header, 
/**
 * The year the plan is for ("… năm 2027"); see [`Plan::year`] for the plan's year when it
 * is not given.
 */
year: number | null, 
/**
 * The decision a plan is issued with ("Ban hành kèm theo Quyết định số …"): such a plan has
 * no number, date or signature of its own.
 */
issued_with: DocRef | null, 
/**
 * Tên loại văn bản, e.g. "Kế hoạch" (printed in capitals).
 */
doc_type: string, 
/**
 * Trích yếu, e.g. "Thực hiện công tác cải cách hành chính trên địa bàn Quận 1 năm 2024".
 */
summary: string, 
/**
 * Căn cứ ban hành: one entry per paragraph, with its own ending punctuation.
 */
bases: Array<string>, 
/**
 * The bases of the decision the plan is issued with, where the plan's page has none of its
 * own: what the plan rests on is cited there ("Căn cứ Quyết định số 282/QĐ-TTg …").
 */
decision_bases: Array<string>, 
/**
 * The paragraph after the bases ("Tiếp tục phát huy … cụ thể như sau:").
 */
intro: string, 
/**
 * The body: Roman-numbered parts.
 */
parts: Array<Part>, 
/**
 * Câu kết ("Trên đây là Kế hoạch … ./.").
 */
closing: string, 
/**
 * Nơi nhận, without the leading "- " and the trailing ";".
 */
recipients: Array<string>, 
/**
 * Người ký.
 */
signer: Signer, 
/**
 * Chú thích cuối trang.
 */
footnotes: Array<Footnote>, 
/**
 * Words the parent printed bold, italic or underlined inside a paragraph (a quoted slogan,
 * "(Nội dung chi tiết theo phụ lục đính kèm)"); a paragraph set wholly in one style (a
 * heading, the bases) takes it from the layout, not from here.
 */
emphasis: Array<Emphasis>, 
/**
 * Phụ lục (the table of tasks), if any.
 */
appendix: Appendix | null, 
/**
 * What was done to the text on reading it that the user should know (text typed in an old
 * Vietnamese encoding converted to Unicode), in words.
 */
notices: Array<string>, };

export type DocRef = { 
/**
 * "Quyết định".
 */
doc_type: string, number: string | null, 
/**
 * "QĐ-UBND".
 */
symbol: string, date: string | null, 
/**
 * The issuing body as printed in the citation ("Ủy ban nhân dân xã Tân Phú").
 */
issuer: string, };

export type Header = { 
/**
 * Tên cơ quan chủ quản, as printed (e.g. "ỦY BAN NHÂN DÂN QUẬN 1"); absent for a top body.
 */
parent_body: string | null, 
/**
 * Tên cơ quan ban hành, as printed (e.g. "TRƯỜNG MẦM NON TUỔI HỒNG").
 */
issuer: string, 
/**
 * Số: "04"; absent in a draft (văn thư fills it after signing).
 */
number: string | null, 
/**
 * Ký hiệu: "KH-UBND".
 */
symbol: string, 
/**
 * Địa danh: "Quận 1".
 */
place: string, 
/**
 * Ngày ban hành; absent in a draft.
 */
date: string | null, };

export type Part = { 
/**
 * "I", "II"… as printed in the source ("1", "2"… in a plan without Roman parts; derived
 * again at export).
 */
label: string, title: string, 
/**
 * What the part is about (from its title when it is read).
 */
topic: Topic | null, items: Array<Item>, };

export type Item = { 
/**
 * Stable id: survives renumbering, moves and edits.
 */
id: string, 
/**
 * Numbered point, lettered point, bullet or paragraph.
 */
kind: ItemKind, 
/**
 * The label as printed ("1.1.", "-", ""); derived from the kind and the tree when a unit
 * plan is built.
 */
label: string, text: string, 
/**
 * For a unit plan: the label path of the parent-plan item this one came from
 * ("III.3.4"), or `None` for an item the unit added. `None` in an imported plan.
 */
source: string | null, items: Array<Item>, };

export type ItemKind = "numbered" | "lettered" | "bullet" | "paragraph";

export type Topic = "muc_tieu" | "chi_tieu" | "nhiem_vu" | "kinh_phi" | "to_chuc";

export type Signer = { 
/**
 * Quyền hạn ký with the head's title, e.g. "KT. HIỆU TRƯỞNG", "TM. ỦY BAN NHÂN DÂN"; "" when
 * the head signs.
 */
authority: string, 
/**
 * Chức vụ của người ký: "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "CHỦ TỊCH".
 */
title: string, 
/**
 * Họ và tên.
 */
name: string, };

export type Footnote = { 
/**
 * Where the mark is: an item, a basis, the intro or the closing.
 */
anchor: string, 
/**
 * The text right before the mark (the mark goes after its first occurrence; at the end of the
 * text when it is no longer there).
 */
after: string, text: string, };

export type Emphasis = { anchor: string, text: string, bold: boolean, italic: boolean, underline: boolean, };

export type Appendix = { 
/**
 * e.g. "KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024".
 */
title: string, 
/**
 * The "(Kèm theo Kế hoạch số … ngày … của …)" line, without the brackets' role changing.
 */
subtitle: string, 
/**
 * Column headings, the STT column included.
 */
columns: Array<string>, groups: Array<AppendixGroup>, };

export type AppendixGroup = { label: string, title: string, rows: Array<AppendixRow>, };

export type AppendixRow = { 
/**
 * For a unit plan: the id of the task item the row is for (the key of the user's edits).
 */
id: string, label: string, cells: Array<string>, 
/**
 * For a unit plan: the parent row's label ("1.4"), `None` for a row the unit added.
 */
source: string | null, };

export type Layout = { margin_top_mm: number, margin_bottom_mm: number, margin_left_mm: number, margin_right_mm: number, 
/**
 * Body text size: 13 or 14.
 */
body_pt: number, 
/**
 * 1.0–1.5 lines.
 */
line_spacing: number, 
/**
 * Empty lines between the signer's title and name (practice: 3–5).
 */
signature_lines: number, };

export type UnitProfile = { 
/**
 * Full name as in the founding decision: "Trường mầm non Tuổi Hồng".
 */
name: string, 
/**
 * Abbreviation used in the symbol and recipient lines: "MNTH".
 */
short_name: string, 
/**
 * Unit type, the preset id: "mam-non", "tieu-hoc", "thcs", "phuong", "phong-ban", "y-te".
 */
type: string, 
/**
 * Cơ quan chủ quản: "Ủy ban nhân dân Quận 1".
 */
parent_body: string, 
/**
 * How the parent body is printed in the header: "ỦY BAN NHÂN DÂN QUẬN 1" (may be abbreviated).
 */
parent_body_header: string, 
/**
 * Địa danh: "Quận 1".
 */
place: string, year: number, 
/**
 * Số; absent for a draft.
 */
number: string | null, 
/**
 * Ngày ban hành; absent for a draft.
 */
date: string | null, 
/**
 * "", "KT.", "TL.", "TUQ.", "Q.", "TM.".
 */
signer_authority: string, 
/**
 * The signer's own title: "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG".
 */
signer_title: string, signer_name: string, 
/**
 * Nơi nhận without punctuation; the preset's list when empty.
 */
recipients: Array<string>, 
/**
 * Page and body settings, remembered per unit.
 */
layout: Layout | null, };

export type Decisions = { 
/**
 * Per parent item id.
 */
nodes: { [key in string]?: NodeDecision }, added: Array<AddedItem>, 
/**
 * The order of children per container, for moved items.
 */
order: Record<string, Array<string>>, 
/**
 * Per proposal id: accepted (true) or rejected (false).
 */
rewordings: { [key in string]?: boolean }, 
/**
 * Per rule id: accept or reject every proposal of the rule not decided one by one.
 */
rules: { [key in string]?: boolean }, 
/**
 * Appendix cells the user wrote, per unit item id (task, product, lead, cooperate, deadline).
 */
appendix: { [key in string]?: Array<string> }, 
/**
 * Own wording for derived sentences: "summary", "intro", "funding", "closing".
 */
texts: { [key in string]?: string }, };

export type NodeDecision = { "action": "keep" } | { "action": "edit", text: string, } | { "action": "drop" };

export type AddedItem = { 
/**
 * A stable id ("u1", "u2"…).
 */
id: string, 
/**
 * The container: a part (by topic) or an item.
 */
parent: string, 
/**
 * The sibling it follows; first when `None`.
 */
after: string | null, 
/**
 * A numbered point, a lettered point, a bullet or a paragraph.
 */
kind: ItemKind, text: string, };

export type Adaptation = { plan: Plan, 
/**
 * The parent plan's parts (the review screens group items under them).
 */
parent_parts: Array<PartHeading>, proposals: Array<Proposal>, flags: Array<Flag>, nodes: Array<NodeState>, 
/**
 * The items of the whole plan that need the user's judgement ([`worklist::list`]).
 */
worklist: Array<WorkItem>, 
/**
 * The parts whose items the unit's own sentence replaces (its funding, by its preset).
 */
replaced: Array<Topic>, };

export type PartHeading = { label: string, title: string, topic: Topic | null, };

export type NodeState = { id: string, 
/**
 * The topic of the part it is in.
 */
topic: Topic | null, label: string, text: string, depth: number, kept: boolean, 
/**
 * "user" when the user decided, "preset" otherwise.
 */
decided_by: string, 
/**
 * The user's own wording, if any.
 */
edited: string | null, 
/**
 * What the judge made of the item's text, and why (shown to the user).
 */
verdict: Verdict, reason: string, 
/**
 * In a plan made from last year's: what the parent changed in this item since then.
 */
change: ItemChange | null, 
/**
 * A dropped item in the unit's words, where they differ from the parent's: what keeping it
 * would give (the same rewordings as a kept item), offered beside it so that a duty the
 * unit also has is not lost with the parent's wording.
 */
offer: string | null, 
/**
 * Why the item is asked although the judge decided it: units of its kind firmly decided
 * items worded like it the other way ([`likeness`]).
 */
doubt: string | null, };

export type Verdict = "keep" | "drop" | "look";

export type Flag = { 
/**
 * The unit item id.
 */
node: string, phrase: string, excerpt: string, };

export type WorkItem = { 
/**
 * The item's id (the parent's, as in [`NodeState`]).
 */
node: string, topic: Topic | null, ask: Ask, 
/**
 * Items asked for the same reason have the same group: the kind, and for the parent's
 * scope the phrase ("scope:của quận 1").
 */
group: string, 
/**
 * The group's title, in the user's words ("Còn “của Quận 1” của cấp trên").
 */
title: string, 
/**
 * Why this item is asked.
 */
reason: string, 
/**
 * What the app proposes: keep the item (in the unit's words) or leave it out.
 */
keep: boolean, 
/**
 * The user has decided it.
 */
decided: boolean, };

export type Ask = "changed" | "scope" | "unsure";

export type Proposal = { 
/**
 * Stable: "<rule>:<item id>:<occurrence>".
 */
id: string, rule: string, 
/**
 * The rule as the user reads it.
 */
label: string, 
/**
 * The unit item id.
 */
node: string, before: string, after: string, context_before: string, context_after: string, status: ProposalStatus, 
/**
 * Whether the preset turns it on by default.
 */
default: boolean, 
/**
 * In a cell of the appendix row of `node`, not in the item's text.
 */
in_appendix: boolean, };

export type ProposalStatus = "pending" | "accepted" | "rejected";

export type Finding = { rule: string, severity: Severity, message: string, location: Location, };

export type Location = { area: Area, 
/**
 * For an item: the topic of its part.
 */
topic: Topic | null, 
/**
 * The item's label as printed ("5.12."), or the part of the document ("Nơi nhận").
 */
label: string, 
/**
 * An excerpt of the text.
 */
text: string, 
/**
 * The item id, to jump to it in the app; empty for parts that are not items.
 */
node: string, };

export type Area = "header" | "title" | "bases" | "intro" | "body" | "closing" | "recipients" | "signer" | "appendix" | "page";

export type Severity = "warning" | "error";

export type Tracking = { tasks: { [key in string]?: TaskRecord }, reports: { [key in string]?: ReportNotes }, };

export type TaskRecord = { status: Status, 
/**
 * Why it is not carried out (required for "Không thực hiện").
 */
reason: string, 
/**
 * The result in a sentence or two, as the report will say it.
 */
result: string, 
/**
 * What proves it: numbers of documents issued ("Quyết định số 12/QĐ-MNTH"), file paths.
 */
evidence: Array<string>, 
/**
 * The deadline the user gave when the plan's wording cannot be read as one ("31/03/2024").
 */
deadline: string | null, };

export type ReportNotes = { 
/**
 * The causes of what is late or not done (part III), one paragraph per line.
 */
causes: string, 
/**
 * More tasks for the next period (part IV), one per line.
 */
next: string, 
/**
 * Proposals to the parent (part V), one per line.
 */
proposals: string, };

export type Previous = { 
/**
 * The year of last year's unit plan.
 */
year: number, 
/**
 * Per item id of this year's parent plan.
 */
changes: { [key in string]?: ItemChange }, removed: Array<RemovedItem>, undone: Array<UndoneTask>, };

export type ItemChange = { "kind": "same", was: string, } | { "kind": "moved", was: string, } | { "kind": "changed", was: string, before: string, } | { "kind": "split", was: string, before: string, } | { "kind": "merged", was: Array<string>, before: Array<string>, } | { "kind": "new" };

export type RemovedItem = { id: string, label: string, text: string, 
/**
 * Whether last year's unit plan had it.
 */
kept: boolean, };

export type UndoneTask = { 
/**
 * Its label in last year's plan ("2.3").
 */
label: string, text: string, status: Status, 
/**
 * Why it was not carried out, or what the unit recorded about it.
 */
reason: string, 
/**
 * The item of this year's parent plan that continues it, if any (then it is in the plan
 * already when kept).
 */
continued_by: string | null, };

export type Status = "chua-thuc-hien" | "dang-thuc-hien" | "hoan-thanh" | "khong-thuc-hien";

export type PlanOfRecord = { year: number, 
/**
 * The unit's own words for each period's report.
 */
notes: { [key in string]?: ReportNotes }, areas: Array<ReformArea>, tasks: Array<Task>, };

export type Task = { id: string, 
/**
 * "1.4".
 */
label: string, 
/**
 * The reform area it belongs to (its index in [`Record::areas`]).
 */
area: number, text: string, lead: string, partners: string, product: string, 
/**
 * The deadline as the plan writes it.
 */
deadline_text: string, 
/**
 * As read, or as the user answered.
 */
deadline: Deadline, 
/**
 * The deadline as a list shows it ([`Deadline::label`]: "31/03/2024", "Thường xuyên").
 */
deadline_label: string, record: TaskRecord, };

export type ReformArea = { label: string, title: string, };

export type Overview = { plan: Progress, 
/**
 * Per area, in the order of [`Record::areas`].
 */
areas: Array<Progress>, 
/**
 * The data cut-off of the next report.
 */
cutoff: string, due_by_cutoff: Array<string>, overdue: Array<string>, unknown_deadline: Array<string>, };

export type Progress = { total: number, not_started: number, in_progress: number, done: number, dropped: number, 
/**
 * Done out of the tasks that are to be done (those not given up), in per cent.
 */
percent: number, };

export type Period = "q1" | "h1" | "q3" | "year";

export type Deadline = { "kind": "by", "due": string } | { "kind": "recurring" } | { "kind": "on-occasion" } | { "kind": "unknown" };

export type Tracked = { record: PlanOfRecord, overview: Overview, };

export type Facts = { years: YearRange, 
/**
 * A new draft before anything is chosen: the first built-in parent plan and preset, the
 * decree's page settings. Its year and title are set when it is created.
 */
new_draft: DraftState, 
/**
 * The fields of the unit's profile a plan cannot do without.
 */
profile_fields: Array<Choice<ProfileField>>, 
/**
 * Who signs: the head ("") or on someone's behalf.
 */
authorities: Array<Choice<string>>, statuses: Array<StatusChoice>, periods: Array<Choice<Period>>, changes: Array<ChangeChoice>, };

export type StatusChoice = { value: Status, label: string, 
/**
 * The task must say why ("không thực hiện").
 */
needs_reason: boolean, };

export type ChangeChoice = { 
/**
 * "same", "moved", "changed", "split", "merged", "new".
 */
kind: string, label: string, 
/**
 * The unit must decide the item again.
 */
asks: boolean, };

export type YearRange = { min: number, max: number, };

export type Choice<T> = { value: T, label: string, };

export type ProfileField = "name" | "short_name" | "parent_body" | "place" | "year";

export type ParentRef = { "kind": "builtin", "id": string } | { "kind": "stored", "id": number };

export type DraftState = { title: string, parent: ParentRef | null, profile: UnitProfile | null, 
/**
 * The unit-type preset id.
 */
preset: string | null, decisions: Decisions, layout: Layout, 
/**
 * The wizard step the user was on.
 */
step: number, 
/**
 * A finished plan saved as it is (`kehoach drafts save PLAN.json`).
 */
plan: Plan | null, 
/**
 * Once the plan is issued: what the unit records about each task through the year.
 */
tracking: Tracking, 
/**
 * Warnings the user answered ("nam:2024:2025": keep the unit's year though the parent's
 * is another): not asked again for this draft.
 */
answered: Array<string>, 
/**
 * A plan made from last year's ("Lập kế hoạch năm sau"): what the parent changed since.
 */
previous: Previous | null, };

export type Draft = { id: number, revision: number, state: DraftState, can_undo: boolean, can_redo: boolean, updated_at: string, 
/**
 * After an undo or redo: the change it took back or made again ("Sửa nhiệm vụ III.1.2").
 */
change: string | null, 
/**
 * … the wizard step it was made on …
 */
change_step: number | null, 
/**
 * … or whether it was made on the tracking screen (only the tracking changed).
 */
change_in_tracking: boolean, };

export type DraftSummary = { id: number, title: string, 
/**
 * The year of the plan, as its title says.
 */
year: number | null, unit: string, created_at: string, updated_at: string, revisions: number, };

export type Revision = { id: number, seq: number, created_at: string, note: string, };

export type ParentPlanSummary = { id: number, title: string, file_name: string | null, created_at: string, };

export type UnitSummary = { id: number, name: string, unit_type: string, updated_at: string, };

