import { PACE_STATUSES } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages';
import { monthStatusLabel, paceBadge } from './pace';

describe('pace badges', () => {
  it('say 정상 / 부진 / 초과 in the plan owner’s words, with a tone for each', () => {
    expect(translate('ko', paceBadge('on_pace').label)).toBe('정상');
    expect(translate('ko', paceBadge('behind').label)).toBe('부진');
    expect(translate('ko', paceBadge('ahead').label)).toBe('초과');
    expect(translate('en', paceBadge('behind').label)).toBe('Behind');
    expect(paceBadge('behind').tone).toBe('danger');
    expect(paceBadge('on_pace').tone).toBe('success');
    expect(paceBadge('ahead').tone).toBe('information');
    expect(paceBadge('not_started').tone).toBe('gray');
  });

  it('uses a KRDS badge class for every status, and a different one for each', () => {
    const classes = PACE_STATUSES.map((s) => paceBadge(s).className);
    for (const c of classes) expect(c).toMatch(/^krds-badge bg-light-\w+ mon-pace-badge$/);
    expect(new Set(classes).size).toBe(PACE_STATUSES.length);
  });
});

describe('month states', () => {
  it('calls a closed month without a revision unreported, and a later one not due', () => {
    expect(translate('ko', monthStatusLabel(null, 11, 11))).toBe('미보고');
    expect(translate('ko', monthStatusLabel(null, 12, 11))).toBe('보고 전');
    expect(translate('ko', monthStatusLabel('approved', 3, 11))).toBe('승인');
    expect(translate('ko', monthStatusLabel('returned', 11, 11))).toBe('보완 요청');
    expect(translate('en', monthStatusLabel('submitted', 11, 11))).toBe('Awaiting review');
  });
});
