// A new draft's starting values: Rust's (facts.ts, generated), never restated here.
import type { DraftState, UnitProfile } from "./bindings";
import { FACTS } from "./facts";

/** The unit's profile before anything is typed, for the plan's year. */
export const emptyProfile = (year: number): UnitProfile => ({ ...structuredClone(FACTS.new_draft.profile!), year });

/** A new draft for the plan's year (Rust names it when it is created). */
export const newDraftState = (year: number): DraftState => ({ ...structuredClone(FACTS.new_draft), profile: emptyProfile(year) });

/** The label of a field of the profile. */
export const fieldLabel = (field: string): string => FACTS.profile_fields.find((f) => f.value === field)?.label ?? field;
