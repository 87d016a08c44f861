import type { Plan, Program } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import {
  formFieldOf,
  liveFigures,
  liveTotals,
  programChanges,
  programErrorsFrom,
  programFormFrom,
  readProgramForm,
} from './programForm';

const saved: Program = {
  id: 20,
  planId: 1,
  strategyId: 4,
  position: 7,
  name: '찾아가는 취업정보센터',
  description: '이동식 취업정보센터',
  ownerUnit: { id: 1, name: '일자리경제과', nameEn: 'Jobs and Economy Division', kind: 'department' },
  jobType: 'employment_service',
  targetGroups: ['youth', 'all'],
  budget: { national: 0, city: 0, district: 80_000_000, other: 0 },
  budgetTotal: 80_000_000,
  annualTarget: 240,
  phasing: Array(12).fill(20),
  phasingMode: 'even',
  groupTargets: { youth: 100 },
  illustrative: true,
  version: 5,
};

function filled() {
  return { ...programFormFrom(saved, 4) };
}

describe('the program form', () => {
  it('reads an unchanged program back into the same body', () => {
    const { body, errors } = readProgramForm(filled());
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      name: saved.name,
      ownerUnitId: 1,
      jobType: 'employment_service',
      targetGroups: ['youth', 'all'],
      budget: saved.budget,
      annualTarget: 240,
      phasing: null,
      groupTargets: { youth: 100 },
      illustrative: true,
    });
    expect(programChanges(saved, body!, 4)).toEqual({ version: 5 });
  });

  it('reads amounts with thousands separators', () => {
    const state = filled();
    state.budget.district = '90,000,000';
    state.annualTarget = '1,200';
    state.groupTargets = {};
    const { body } = readProgramForm(state);
    expect(body?.budget.district).toBe(90_000_000);
    expect(body?.annualTarget).toBe(1200);
  });

  it('refuses numbers that are not whole and not negative, field by field', () => {
    const state = filled();
    state.budget.national = '-1';
    state.annualTarget = '12.5';
    const { body, errors } = readProgramForm(state);
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['annualTarget', 'budget.national']);
  });

  it('requires a custom phasing to add up to the annual target', () => {
    const state = filled();
    state.phasingMode = 'custom';
    state.phasing = Array(12).fill('20');
    state.phasing[11] = '30';
    const { errors } = readProgramForm(state);
    expect(errors.phasing?.ko).toContain('250');
    expect(errors.phasing?.ko).toContain('240');
    state.phasing[11] = '20';
    expect(readProgramForm(state).body?.phasing).toEqual(Array(12).fill(20));
  });

  it('reports an empty month of a custom phasing on that month', () => {
    const state = filled();
    state.phasingMode = 'custom';
    state.phasing = Array(12).fill('20');
    state.phasing[3] = '';
    expect(Object.keys(readProgramForm(state).errors)).toEqual(['phasing.3']);
  });

  it('keeps group targets to the chosen groups and at most the annual target', () => {
    const state = filled();
    state.groupTargets = { youth: '200', all: '100' };
    expect(readProgramForm(state).errors.groupTargets?.ko).toContain('300');
    state.targetGroups = ['all'];
    state.groupTargets = { youth: '200', all: '10' };
    expect(readProgramForm(state).body?.groupTargets).toEqual({ all: 10 });
  });

  it('needs a name, an owner, a type and at least one group', () => {
    const { errors } = readProgramForm(programFormFrom(null, 4));
    expect(Object.keys(errors).sort()).toEqual([
      'annualTarget',
      'jobType',
      'name',
      'ownerUnitId',
      'targetGroups',
    ]);
  });

  it('sends only what changed, with the version, and the strategy when moved', () => {
    const state = filled();
    state.annualTarget = '300';
    state.strategyId = 5;
    const { body } = readProgramForm(state);
    expect(programChanges(saved, body!, state.strategyId)).toEqual({
      version: 5,
      annualTarget: 300,
      strategyId: 5,
    });
  });
});

describe('server errors next to the right field', () => {
  it('maps paths to the fields the form shows', () => {
    expect(formFieldOf('budget.city')).toBe('budget.city');
    expect(formFieldOf('targetGroups.2')).toBe('targetGroups');
    expect(formFieldOf('phasing')).toBe('phasing');
    expect(formFieldOf('phasing.4')).toBe('phasing.4');
    expect(formFieldOf('groupTargets.youth')).toBe('groupTargets.youth');
    expect(formFieldOf('budget')).toBe('budget.national');
    expect(formFieldOf('version')).toBe('');
  });

  it('keeps the first message per field', () => {
    const message = { ko: '가', en: 'a' };
    const other = { ko: '나', en: 'b' };
    expect(
      programErrorsFrom([
        { field: 'targetGroups.0', code: 'invalid_value', message },
        { field: 'targetGroups.1', code: 'invalid_value', message: other },
        { field: 'phasing', code: 'phasing_sum', message: other },
      ]),
    ).toEqual({ targetGroups: message, phasing: other });
  });
});

describe('live totals while editing', () => {
  const plan = {
    targetTotal: 10_562,
    budgetTotal: 1_000,
    previousYearTarget: 9_717,
    strategies: [{ programs: [saved] }],
  } as unknown as Plan;

  it('counts the draft instead of the saved program', () => {
    const state = filled();
    state.annualTarget = '340';
    const totals = liveTotals(plan, { programId: saved.id, ...liveFigures(state) });
    expect(totals.targetTotal).toBe(10_662);
    expect(totals.targetChangePct).toBe(9.7);
  });

  it('adds a program that is not saved yet', () => {
    expect(liveTotals(plan, { programId: null, annualTarget: 38, budgetTotal: 500 })).toMatchObject({
      targetTotal: 10_600,
      budgetTotal: 1_500,
    });
    expect(liveTotals(plan, null).targetChangePct).toBe(8.7);
  });
});
