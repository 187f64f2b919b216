// Small pure helpers over the plan and the item states (no parsing: Rust did that).
import type { Item, NodeState, Part, Plan, Topic } from "./bindings";

/** Finds an item anywhere in the plan by id. */
export function findItem(plan: Plan | null | undefined, id: string): Item | null {
  if (!plan) return null;
  const walk = (items: Item[]): Item | null => {
    for (const i of items) {
      if (i.id === id) return i;
      const found = walk(i.items);
      if (found) return found;
    }
    return null;
  };
  for (const p of plan.parts) {
    const f = walk(p.items);
    if (f) return f;
  }
  return null;
}

/** The part of the plan about a topic (Rust tells each part's topic). */
export function partOf(plan: Plan | null | undefined, topic: Topic): Part | null {
  return plan?.parts.find((p) => p.topic === topic) ?? null;
}

/** The children ids of a container ("part:<topic>" or an item id) in the unit plan. */
export function childIds(plan: Plan | null | undefined, container: string): string[] {
  if (!plan) return [];
  if (container.startsWith("part:")) {
    return partOf(plan, container.slice(5) as Topic)?.items.map((i) => i.id) ?? [];
  }
  return findItem(plan, container)?.items.map((i) => i.id) ?? [];
}

/** Each node with the id of its container (the nearest shallower node, or the part). */
export function withContainers(nodes: NodeState[]): { node: NodeState; container: string }[] {
  const stack: NodeState[] = [];
  return nodes.map((node) => {
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    const container = stack.length ? stack[stack.length - 1].id : `part:${node.topic}`;
    stack.push(node);
    return { node, container };
  });
}

export const short = (s: string, n = 160) => (s.length > n ? s.slice(0, n) + "…" : s);

/** A stored time ("2025-01-03 09:10:11.123") as people write it: "03/01/2025 09:10". */
export function shownTime(stored: string): string {
  const m = stored.match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : stored;
}
