import type { PaceStatus, ResultStatus } from '@ilteo/shared';
import type { MessageKey } from '../../i18n/messages';

/** The KRDS badge tone that says a pace at a glance; the word is always written too. */
export type PaceTone = 'success' | 'danger' | 'information' | 'gray';

const TONES: Record<PaceStatus, PaceTone> = {
  on_pace: 'success',
  behind: 'danger',
  ahead: 'information',
  not_started: 'gray',
};

const LABELS: Record<PaceStatus, MessageKey> = {
  on_pace: 'dashboard.pace.on_pace',
  behind: 'dashboard.pace.behind',
  ahead: 'dashboard.pace.ahead',
  not_started: 'dashboard.pace.not_started',
};

/** The badge for a pace status: its tone, class and message. */
export function paceBadge(status: PaceStatus): { tone: PaceTone; className: string; label: MessageKey } {
  const tone = TONES[status];
  return { tone, className: `krds-badge bg-light-${tone} mon-pace-badge`, label: LABELS[status] };
}

const RESULT_LABELS: Record<ResultStatus, MessageKey> = {
  draft: 'dashboard.result.draft',
  submitted: 'dashboard.result.submitted',
  approved: 'dashboard.result.approved',
  returned: 'dashboard.result.returned',
};

/**
 * The word for a program-month's state. A closed month with no revision was not reported; a
 * month still to come has nothing to say yet.
 */
export function monthStatusLabel(
  status: ResultStatus | null,
  month: number,
  lastClosedMonth: number,
): MessageKey {
  if (status) return RESULT_LABELS[status];
  return month <= lastClosedMonth ? 'dashboard.result.missing' : 'dashboard.result.upcoming';
}
