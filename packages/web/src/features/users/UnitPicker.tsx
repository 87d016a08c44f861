import { type Bilingual, FIELD_MESSAGES, ROLE_UNIT_KINDS, type Role, UNIT_KINDS } from '@ilteo/shared';
import type { OrgUnit } from '../../api/types';
import { fieldId } from '../../components/form';
import { useI18n } from '../../i18n/I18nProvider';

/** Units a role may belong to: reporters to departments and agencies, counsellors to centres. */
export function unitsForRole(role: Role, units: readonly OrgUnit[]): OrgUnit[] {
  const kinds = ROLE_UNIT_KINDS[role];
  if (!kinds) return [];
  return units.filter((u) => kinds.includes(u.kind));
}

/** True when the role is attached to units at all. */
export function roleHasUnits(role: Role): boolean {
  return (ROLE_UNIT_KINDS[role]?.length ?? 0) > 0;
}

/** The server's rule, checked before sending: a scoped role needs at least one unit. */
export function unitsError(role: Role, unitIds: readonly number[]): Bilingual | null {
  return roleHasUnits(role) && unitIds.length === 0 ? FIELD_MESSAGES.required : null;
}

interface UnitPickerProps {
  formId: string;
  role: Role;
  units: readonly OrgUnit[];
  selected: readonly number[];
  onChange: (ids: number[]) => void;
  error?: Bilingual | undefined;
}

/** Checkboxes for the units the role allows, grouped by kind. */
export function UnitPicker({ formId, role, units, selected, onChange, error }: UnitPickerProps) {
  const { locale, t } = useI18n();
  const allowed = unitsForRole(role, units);
  const hintId = `${formId}-units-hint`;
  const errorId = `${formId}-units-error`;
  const hint = role === 'reporter' ? t('users.unitsHint.reporter') : t('users.unitsHint.counsellor');
  const toggle = (id: number, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((value) => value !== id));

  const firstUnitId = UNIT_KINDS.flatMap((kind) => allowed.filter((u) => u.kind === kind))[0]?.id;
  return (
    <fieldset
      className={error ? 'form-group unit-picker is-error' : 'form-group unit-picker'}
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
    >
      <legend className="form-legend">{t('field.units')}</legend>
      <p className="form-hint" id={hintId}>
        {hint}
      </p>
      {allowed.length === 0 && <p className="empty-state">{t('users.noUnits')}</p>}
      {UNIT_KINDS.map((kind) => {
        const group = allowed.filter((u) => u.kind === kind);
        if (group.length === 0) return null;
        return (
          <div className="unit-group" key={kind}>
            <p className="unit-group-title">{t(`unitKind.${kind}`)}</p>
            <div className="krds-check-area">
              {group.map((unit) => {
                const id = unit.id === firstUnitId ? fieldId(formId, 'unitIds') : `${formId}-unit-${unit.id}`;
                return (
                  <div className="krds-form-check" key={unit.id}>
                    <input
                      type="checkbox"
                      id={id}
                      checked={selected.includes(unit.id)}
                      onChange={(e) => toggle(unit.id, e.target.checked)}
                    />
                    <label htmlFor={id}>{locale === 'ko' ? unit.name : unit.nameEn || unit.name}</label>
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
      {error && (
        <p className="form-hint-invalid" id={errorId}>
          {error[locale]}
        </p>
      )}
    </fieldset>
  );
}
