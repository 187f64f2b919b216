// The open draft: its state, its rendering (plan, preview, proposals, findings), autosave and
// undo/redo. Every change is saved as a revision within a second (debounced), so closing the
// window or a power cut loses at most the last moment's typing; undo/redo walk the revisions
// stored in SQLite, so they survive a restart.
import { api, message, type Draft, type DraftState, type Rendered } from "./api";

export type SaveStatus = "saved" | "pending" | "saving" | "error";

const SAVE_DELAY_MS = 400;

export class Session {
  id = $state<number>(0);
  draft = $state<DraftState>(undefined as unknown as DraftState);
  rendered = $state<Rendered | null>(null);
  renderError = $state<string | null>(null);
  status = $state<SaveStatus>("saved");
  saveError = $state<string | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** The node the user is working on, highlighted in the preview. */
  activeNode = $state<string | null>(null);

  private timer: ReturnType<typeof setTimeout> | null = null;
  private note = "";
  private rendering = false;
  private renderAgain = false;

  constructor(d: Draft) {
    this.load(d);
  }

  private load(d: Draft) {
    this.id = d.id;
    this.draft = d.state;
    this.canUndo = d.can_undo;
    this.canRedo = d.can_redo;
    void this.render();
  }

  /** Changes the draft: `mutate` edits a copy; the change is rendered at once and saved soon. */
  update(mutate: (d: DraftState) => void, note = "") {
    const copy = structuredClone($state.snapshot(this.draft)) as DraftState;
    mutate(copy);
    this.draft = copy;
    this.note = note || this.note;
    this.status = "pending";
    this.canUndo = true;
    this.canRedo = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
    void this.render();
  }

  /** Saves now what is waiting to be saved. */
  async flush() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    } else if (this.status !== "pending") {
      return;
    }
    this.status = "saving";
    try {
      const d = await api.saveDraft(this.id, $state.snapshot(this.draft) as DraftState, this.note);
      this.note = "";
      this.canUndo = d.can_undo;
      this.canRedo = d.can_redo;
      this.status = this.timer ? "pending" : "saved";
      this.saveError = null;
    } catch (e) {
      this.status = "error";
      this.saveError = message(e);
    }
  }

  async undo() {
    await this.flush();
    const d = await api.undo(this.id);
    if (d) this.load(d);
  }

  async redo() {
    await this.flush();
    const d = await api.redo(this.id);
    if (d) this.load(d);
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
