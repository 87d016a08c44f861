import { FIELD_MESSAGES, type Seeker } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import {
  activeConsents,
  addPicked,
  checkProfile,
  createBody,
  emptyProfileForm,
  formFromSeeker,
  monthlyOf,
  type ProfileFormState,
  parseNumber,
  patchBody,
  toggle,
  withConsent,
} from './profileForm';

const nurseAide = { scheme: 'KECO-2018', code: '3040', label: '간호조무사' };

function filled(change: Partial<ProfileFormState> = {}): ProfileFormState {
  return {
    ...emptyProfileForm(),
    name: '김하늘',
    birthYear: '1988',
    desiredOccupations: [nurseAide],
    consents: { employment_services: true, recommendation: false, sensitive: false },
    ...change,
  };
}

describe('the seeker profile form', () => {
  it('reads numbers as people type them, with grouping and 원', () => {
    expect(parseNumber('2,500,000')).toBe(2_500_000);
    expect(parseNumber(' 10,320원 ')).toBe(10_320);
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('열')).toBeNaN();
  });

  it('shows the monthly equivalent of a wage on 209 hours', () => {
    expect(monthlyOf({ wageType: 'hourly', wageAmount: '10,320' })).toBe(2_156_880);
    expect(monthlyOf({ wageType: 'annual', wageAmount: '36,000,000' })).toBe(3_000_000);
    expect(monthlyOf({ wageType: 'daily', wageAmount: '80000' })).toBe(2_090_000);
    expect(monthlyOf({ wageType: 'monthly', wageAmount: '' })).toBeNull();
    expect(monthlyOf({ wageType: 'monthly', wageAmount: 'abc' })).toBeNull();
  });

  it('accepts a complete registration and sends it in the API shape', () => {
    const state = filled({ wageType: 'hourly', wageAmount: '11,000', phone: '010-1234-5678' });
    expect(checkProfile(state, 'self', false)).toBeNull();
    const body = createBody(state, 'self');
    expect(body).toMatchObject({
      name: '김하늘',
      birthYear: 1988,
      desiredOccupations: [{ scheme: 'KECO-2018', code: '3040' }],
      desiredWage: { type: 'hourly', amount: 11_000 },
      consents: { employment_services: true },
    });
    expect(body.deskUnitId).toBeUndefined();
    expect(body.intakeNote).toBeUndefined();
  });

  it('refuses a registration without the required consent, a name or an occupation', () => {
    const errors = checkProfile(
      filled({
        name: '',
        desiredOccupations: [],
        consents: { employment_services: false, recommendation: true, sensitive: false },
      }),
      'self',
      false,
    );
    expect(errors?.name).toEqual(FIELD_MESSAGES.required);
    expect(errors?.desiredOccupations).toBeDefined();
    expect(errors?.['consents.employment_services']).toEqual(FIELD_MESSAGES.must_accept);
  });

  it('keeps 장애인 only with the sensitive consent', () => {
    const state = filled({ groups: ['disabled'] });
    expect(checkProfile(state, 'self', false)?.groups).toEqual(FIELD_MESSAGES.sensitive_consent_required);
    const consented = withConsent(state, 'sensitive', true);
    expect(checkProfile(consented, 'self', consented.consents.sensitive)).toBeNull();
    // Taking the consent back unticks the box: nothing sensitive is sent without it.
    expect(withConsent(consented, 'sensitive', false).groups).toEqual([]);
  });

  it('asks a counsellor for the desk and sends the intake note', () => {
    expect(checkProfile(filled(), 'desk', false)?.deskUnitId).toEqual(FIELD_MESSAGES.required);
    const body = createBody(filled({ deskUnitId: '7', intakeNote: ' 요양 분야 희망 ' }), 'desk');
    expect(body.deskUnitId).toBe(7);
    expect(body.intakeNote).toBe('요양 분야 희망');
  });

  it('points a career row error at the row', () => {
    const errors = checkProfile(
      filled({ careers: [{ key: 1, occupation: null, months: '0', company: '' }] }),
      'self',
      false,
    );
    expect(Object.keys(errors ?? {})).toEqual(
      expect.arrayContaining(['careers.0.occupation', 'careers.0.months']),
    );
  });

  it('allows three desired occupations and no duplicates', () => {
    const items = ['1', '2', '3', '4'].map((code) => ({ scheme: 'KECO-2018', code, label: code }));
    let list = addPicked([], items[0]!, 3);
    list = addPicked(list, items[0]!, 3);
    expect(list).toHaveLength(1);
    for (const item of items) list = addPicked(list, item, 3);
    expect(list.map((i) => i.code)).toEqual(['1', '2', '3']);
  });

  it('toggles codes in a set-like list', () => {
    expect(toggle(['day'], 'night', true)).toEqual(['day', 'night']);
    expect(toggle(['day', 'night'], 'day', false)).toEqual(['night']);
    expect(toggle(['day'], 'day', true)).toEqual(['day']);
  });

  it('fills the edit form from a profile and sends the version back', () => {
    const seeker = {
      id: 5,
      userId: 9,
      name: '박민수',
      birthYear: 1970,
      gender: 'male',
      phone: '01012345678',
      email: null,
      desiredOccupations: [{ scheme: 'KECO-2018', code: '3040', label: '간호조무사' }],
      skills: [],
      certificates: [{ scheme: 'QNET', code: 'c1', label: null }],
      education: 'high',
      careers: [
        { occupation: { scheme: 'KECO-2018', code: '3040', label: '간호조무사' }, months: 24, company: null },
      ],
      desiredWage: { type: 'monthly', amount: 2_500_000, monthly: 2_500_000 },
      wageFirm: true,
      weeklyHours: 40,
      shifts: ['day'],
      employmentTypes: ['permanent'],
      homeDongCode: '2306051',
      homeDongName: '부평1동',
      commuteKm: 5,
      availableFrom: '2026-12-01',
      groups: ['new_middle_aged', 'vulnerable'],
      status: 'active',
      consents: [
        {
          purpose: 'employment_services',
          version: '2026-11',
          grantedAt: '2026-11-01T00:00:00Z',
          withdrawnAt: null,
        },
        {
          purpose: 'sensitive',
          version: '2026-11',
          grantedAt: '2026-11-01T00:00:00Z',
          withdrawnAt: '2026-11-02T00:00:00Z',
        },
      ],
      registeredBy: 'desk',
      deskUnitId: 1,
      intakeNote: null,
      isDemo: false,
      version: 3,
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
      lastActiveAt: '2026-11-01T00:00:00Z',
    } satisfies Seeker;
    const state = formFromSeeker(seeker);
    // Age groups follow from the birth year: the form holds only what a person declares.
    expect(state.groups).toEqual(['vulnerable']);
    expect(state.certificates[0]?.label).toBe('c1');
    expect(activeConsents(seeker.consents)).toEqual({
      employment_services: true,
      recommendation: false,
      sensitive: false,
    });
    expect(checkProfile(state, 'edit', false, 3)).toBeNull();
    expect(patchBody(state, 3)).toMatchObject({
      version: 3,
      careers: [{ occupation: { scheme: 'KECO-2018', code: '3040' }, months: 24 }],
      desiredWage: { type: 'monthly', amount: 2_500_000 },
      homeDongCode: '2306051',
    });
  });
});
