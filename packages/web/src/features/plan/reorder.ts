import type { Plan } from '@ilteo/shared';

/** The ids with `id` moved `delta` places (−1 up, +1 down); null when it cannot move that way. */
export function moveBy(ids: readonly number[], id: number, delta: number): number[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length || delta === 0) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/**
 * The ids with `id` placed just before `beforeId` (at the end when `beforeId` is null or not in
 * the list). `id` need not be in the list yet: that is how a program joins another strategy.
 */
export function placeBefore(ids: readonly number[], id: number, beforeId: number | null): number[] {
  const rest = ids.filter((x) => x !== id);
  const at = beforeId === null ? -1 : rest.indexOf(beforeId);
  if (at < 0) return [...rest, id];
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** True when two id lists hold the same ids in the same order. */
export function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** What has to be sent to the server to put a program somewhere in the tree. */
export interface ProgramPlacement {
  programId: number;
  fromStrategyId: number;
  toStrategyId: number;
  /** True when the program changes strategy (a PATCH with `strategyId`). */
  moves: boolean;
  /** The target strategy's program ids in their new order (a reorder call), or null if unchanged. */
  order: number[] | null;
}

/**
 * Works out the calls that put `programId` before `beforeId` in `toStrategyId` (at the end when
 * `beforeId` is null). Returns null when nothing would change.
 */
export function placeProgram(
  plan: Plan,
  programId: number,
  toStrategyId: number,
  beforeId: number | null,
): ProgramPlacement | null {
  const from = plan.strategies.find((s) => s.programs.some((p) => p.id === programId));
  const to = plan.strategies.find((s) => s.id === toStrategyId);
  if (!from || !to || beforeId === programId) return null;
  const current = to.programs.map((p) => p.id);
  const next = placeBefore(current, programId, beforeId);
  const moves = from.id !== to.id;
  if (!moves && sameOrder(current, next)) return null;
  // A moved program lands at the end of its new strategy; a reorder is needed only elsewhere.
  const landsAtEnd = moves && next[next.length - 1] === programId;
  return {
    programId,
    fromStrategyId: from.id,
    toStrategyId: to.id,
    moves,
    order: landsAtEnd ? null : next,
  };
}

/** The plan with its strategies in the given order (for showing a reorder before the server answers). */
export function withStrategyOrder(plan: Plan, ids: readonly number[]): Plan {
  const byId = new Map(plan.strategies.map((s) => [s.id, s]));
  const strategies = ids.flatMap((id, position) => {
    const s = byId.get(id);
    return s ? [{ ...s, position }] : [];
  });
  return { ...plan, strategies };
}

/** The plan with a program placed as `placement` says, totals of both strategies updated. */
export function withPlacement(plan: Plan, placement: ProgramPlacement): Plan {
  const program = plan.strategies.flatMap((s) => s.programs).find((p) => p.id === placement.programId);
  if (!program) return plan;
  const moved = { ...program, strategyId: placement.toStrategyId };
  const strategies = plan.strategies.map((s) => {
    let programs = s.programs.filter((p) => p.id !== placement.programId);
    if (s.id === placement.toStrategyId) {
      const order = placement.order ?? [...programs.map((p) => p.id), placement.programId];
      const all = new Map([...programs, moved].map((p) => [p.id, p]));
      programs = order.flatMap((id) => {
        const p = all.get(id);
        return p ? [p] : [];
      });
    }
    return {
      ...s,
      programs: programs.map((p, position) => ({ ...p, position })),
      targetTotal: programs.reduce((sum, p) => sum + p.annualTarget, 0),
    };
  });
  return { ...plan, strategies };
}
