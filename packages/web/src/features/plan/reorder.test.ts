import type { Plan, Program } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import { moveBy, placeBefore, placeProgram, withPlacement, withStrategyOrder } from './reorder';

function program(id: number, strategyId: number, annualTarget: number): Program {
  return {
    id,
    planId: 1,
    strategyId,
    position: 0,
    name: `P${id}`,
    description: '',
    ownerUnit: { id: 1, name: '일자리경제과', nameEn: 'Jobs', kind: 'department' },
    jobType: 'direct',
    targetGroups: ['all'],
    budget: { national: 0, city: 0, district: 100, other: 0 },
    budgetTotal: 100,
    annualTarget,
    phasing: Array(12).fill(0),
    phasingMode: 'even',
    groupTargets: {},
    illustrative: false,
    version: 3,
  };
}

const plan = {
  id: 1,
  targetTotal: 60,
  budgetTotal: 400,
  previousYearTarget: 50,
  strategies: [
    {
      id: 10,
      position: 0,
      name: 'A',
      description: '',
      targetTotal: 30,
      version: 1,
      programs: [program(1, 10, 10), program(2, 10, 20)],
    },
    {
      id: 20,
      position: 1,
      name: 'B',
      description: '',
      targetTotal: 30,
      version: 1,
      programs: [program(3, 20, 5), program(4, 20, 25)],
    },
    { id: 30, position: 2, name: 'C', description: '', targetTotal: 0, version: 1, programs: [] },
  ],
} as unknown as Plan;

describe('moving with the 위로/아래로 buttons', () => {
  it('moves one place up or down and refuses to leave the list', () => {
    expect(moveBy([1, 2, 3], 2, -1)).toEqual([2, 1, 3]);
    expect(moveBy([1, 2, 3], 2, 1)).toEqual([1, 3, 2]);
    expect(moveBy([1, 2, 3], 1, -1)).toBeNull();
    expect(moveBy([1, 2, 3], 3, 1)).toBeNull();
    expect(moveBy([1, 2, 3], 9, 1)).toBeNull();
  });
});

describe('dropping an item before another', () => {
  it('places before the target, or at the end', () => {
    expect(placeBefore([1, 2, 3], 3, 1)).toEqual([3, 1, 2]);
    expect(placeBefore([1, 2, 3], 1, null)).toEqual([2, 3, 1]);
    expect(placeBefore([1, 2], 9, 2)).toEqual([1, 9, 2]);
  });
});

describe('placing a program in the tree', () => {
  it('reorders within a strategy without moving it', () => {
    expect(placeProgram(plan, 2, 10, 1)).toEqual({
      programId: 2,
      fromStrategyId: 10,
      toStrategyId: 10,
      moves: false,
      order: [2, 1],
    });
  });

  it('does nothing when a program is dropped where it already is', () => {
    expect(placeProgram(plan, 1, 10, 2)).toBeNull();
    expect(placeProgram(plan, 1, 10, 1)).toBeNull();
  });

  it('moves to another strategy, with a reorder only when it does not land at the end', () => {
    expect(placeProgram(plan, 1, 20, null)).toMatchObject({ moves: true, order: null, toStrategyId: 20 });
    expect(placeProgram(plan, 1, 20, 4)).toMatchObject({ moves: true, order: [3, 1, 4] });
    expect(placeProgram(plan, 1, 30, null)).toMatchObject({ moves: true, order: null });
  });

  it('shows the move at once, with both strategies’ totals updated', () => {
    const placement = placeProgram(plan, 2, 20, 3);
    expect(placement).not.toBeNull();
    const next = withPlacement(plan, placement!);
    expect(next.strategies[0]!.programs.map((p) => p.id)).toEqual([1]);
    expect(next.strategies[0]!.targetTotal).toBe(10);
    expect(next.strategies[1]!.programs.map((p) => p.id)).toEqual([2, 3, 4]);
    expect(next.strategies[1]!.programs[0]!.strategyId).toBe(20);
    expect(next.strategies[1]!.targetTotal).toBe(50);
  });

  it('reorders strategies and keeps their programs', () => {
    const next = withStrategyOrder(plan, [30, 10, 20]);
    expect(next.strategies.map((s) => [s.id, s.position])).toEqual([
      [30, 0],
      [10, 1],
      [20, 2],
    ]);
    expect(next.strategies[1]!.programs).toHaveLength(2);
  });
});
