// The open draft: its state, its rendering (plan, preview, proposals, findings), autosave and
// undo/redo. Every change is saved as a revision within a second (debounced), so closing the
// window or a power cut loses at most the last moment's typing; undo/redo walk the revisions
// stored in SQLite, so they survive a restart.
//
// A save names the revision it was made from: when another window changed the draft in the
// meantime, nothing is overwritten — the session keeps the user's state and shows the conflict
// ("conflict") until the user keeps theirs or opens the other. A save that fails for another
// reason (a full disk) is tried again, sooner first, and the state stays in memory meanwhile.
import { api, message, type AppError, type Draft, type DraftState, type Rendered } from "./api";
import type { WorkItem } from "./bindings";

export type SaveStatus = "saved" | "pending" | "saving" | "error" | "conflict";

const SAVE_DELAY_MS = 400;
/** The preview and the checks follow typing once it pauses this long (a render of a district-size
 * plan costs more than a keystroke may). */
const RENDER_DELAY_MS = 150;
/** Waits before trying a failed save again. */
const RETRY_MS = [1000, 3000, 10000, 30000];

/** Where an undone or redone change was made: a wizard step, or the tracking screen. */
export type ChangeAt = { step: number | null; tracking: boolean };

export class Session {
  id = $state<number>(0);
  draft = $state<DraftState>(undefined as unknown as DraftState);
  rendered = $state<Rendered | null>(null);
  renderError = $state<string | null>(null);
  status = $state<SaveStatus>("saved");
  saveError = $state<string | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** The stored revision this window's state was made from (sent with every save). */
  revision = $state<number>(0);
  /** The node the user is working on, highlighted in the preview. */
  activeNode = $state<string | null>(null);
  /** What the last undo or redo did ("Đã hoàn tác: Bỏ mục 1.2"), shown for a moment. */
  notice = $state<string | null>(null);
  /** Counts the states loaded from the store (undo, redo, another window's): the editors are
   * made again from the state when it changes. */
  generation = $state(0);
  /** How the user has the screens laid out (open groups, the worklist's order, filters, where
   * each step was scrolled): not part of the draft, and kept when an undo makes the editors again. */
  view = $state<{ open: Record<string, boolean>; listed: Record<string, string[]>; onlyFlagged: Record<string, boolean> }>({
    open: {},
    listed: {},
    onlyFlagged: {},
  });
  /** Groups of a step seen with items to look at (they stay open once those are dealt with). */
  seenWork = new Set<string>();
  /** What the worklist last said of each item it asked about (its reason and group stay shown
   * once the user has answered). */
  knownWork = new Map<string, WorkItem>();

  private timer: ReturnType<typeof setTimeout> | null = null;
  private renderTimer: ReturnType<typeof setTimeout> | null = null;
  private note = "";
  private rendering = false;
  private renderAgain = false;
  private retries = 0;

  constructor(d: Draft) {
    this.load(d);
  }

  private load(d: Draft) {
    this.generation += 1;
    this.id = d.id;
    this.revision = d.revision;
    this.draft = d.state;
    this.canUndo = d.can_undo;
    this.canRedo = d.can_redo;
    void this.render();
  }

  /** Changes the draft: `mutate` edits it in place (so that only what reads the changed parts is
   * drawn again: a keystroke in one item's box redraws that item, not the step's 2,000 elements);
   * the change is rendered soon and saved soon. */
  update(mutate: (d: DraftState) => void, note = "") {
    mutate(this.draft);
    this.note = note || this.note;
    this.status = "pending";
    this.canUndo = true;
    this.canRedo = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
    if (this.renderTimer) clearTimeout(this.renderTimer);
    this.renderTimer = setTimeout(() => {
      this.renderTimer = null;
      void this.render();
    }, RENDER_DELAY_MS);
  }

  /** Whether something the user did is not stored yet. */
  get unsaved(): boolean {
    return this.status !== "saved";
  }

  /** Saves now what is waiting to be saved (or failed to be). A conflict waits for the user. */
  async flush() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    } else if (this.status !== "pending" && this.status !== "error") {
      return;
    }
    this.status = "saving";
    try {
      const d = await api.saveDraft(this.id, this.revision, $state.snapshot(this.draft) as DraftState, this.note);
      this.note = "";
      this.revision = d.revision;
      this.canUndo = d.can_undo;
      this.canRedo = d.can_redo;
      this.status = this.timer ? "pending" : "saved";
      this.saveError = null;
      this.retries = 0;
    } catch (e) {
      this.saveError = message(e);
      if ((e as AppError | undefined)?.code === "conflict") {
        this.status = "conflict";
        return;
      }
      this.status = "error";
      // Tried again by itself (a disk freed, a lock released); the state stays in memory.
      const wait = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)];
      this.retries += 1;
      if (!this.timer) this.timer = setTimeout(() => void this.flush(), wait);
    }
  }

  /** After a conflict: this window's state is saved over the other window's change (which stays
   * in the history, one undo away). */
  async keepMine() {
    const latest = await api.openDraft(this.id);
    this.revision = latest.revision;
    this.status = "pending";
    this.note = this.note || "Giữ bản sửa ở cửa sổ này";
    await this.flush();
  }

  /** After a conflict: opens the draft as the other window saved it. */
  async takeTheirs() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.load(await api.openDraft(this.id));
    this.status = "saved";
    this.saveError = null;
  }

  private noticeTimer: ReturnType<typeof setTimeout> | null = null;

  /** Takes back the last change of content; says which and where it was made (the caller takes
   * the user there). */
  async undo(): Promise<ChangeAt | null> {
    return this.step(() => api.undo(this.id, this.draft.step), "Đã hoàn tác");
  }

  /** Makes the last undone change again. */
  async redo(): Promise<ChangeAt | null> {
    return this.step(() => api.redo(this.id, this.draft.step), "Đã làm lại");
  }

  private async step(call: () => Promise<Draft | null>, what: string): Promise<ChangeAt | null> {
    await this.flush();
    if (this.status === "conflict") return null;
    let d: Draft | null;
    try {
      d = await call();
    } catch (e) {
      this.saveError = message(e);
      return null;
    }
    if (!d) return null;
    this.load(d);
    const at: ChangeAt = { step: d.change_step ?? null, tracking: d.change_in_tracking ?? false };
    const where = at.tracking ? " (Theo dõi thực hiện)" : at.step ? ` (bước ${at.step})` : "";
    this.notice = d.change ? `${what}: ${d.change}${where}` : what;
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = null), 6000);
    return at;
  }

  /** Renders now what is waiting to be rendered and waits until the rendering is current (before
   * a decision that depends on it, such as leaving the unit's step). */
  async settle() {
    if (this.renderTimer) {
      clearTimeout(this.renderTimer);
      this.renderTimer = null;
      await this.render();
    }
    while (this.rendering) await new Promise((r) => setTimeout(r, 20));
  }

  /** Renders the current state; a change during a render is rendered right after it. */
  async render() {
    if (this.rendering) {
      this.renderAgain = true;
      return;
    }
    this.rendering = true;
    try {
      do {
        this.renderAgain = false;
        const r = await api.render($state.snapshot(this.draft) as DraftState);
        this.rendered = r;
        this.renderError = null;
      } while (this.renderAgain);
    } catch (e) {
      this.renderError = message(e);
    } finally {
      this.rendering = false;
    }
  }
}
