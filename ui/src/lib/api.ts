// The only place the UI talks to the Rust side. Types (lib/bindings.ts) and command wrappers
// (lib/commands.ts) are generated from the Rust side, so the two cannot drift.
import type { AppError } from "./bindings";
import { commands } from "./commands";

export type * from "./bindings";

/** The Vietnamese message of whatever a command threw. */
export function message(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) return String((e as AppError).message);
  return String(e);
}

export const api = commands;
