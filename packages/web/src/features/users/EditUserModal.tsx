import { type Role, STAFF_ROLES, UpdateUserBody } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import type { OrgUnit, UserRow } from '../../api/types';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, SelectField, TextField, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/I18nProvider';
import { type UserChanges, useUpdateUser } from './api';
import { roleHasUnits, UnitPicker, unitsError, unitsForRole } from './UnitPicker';

const FORM = 'edit-user';
const STATUSES = ['active', 'disabled'] as const;

function isStaffRole(role: Role): role is (typeof STAFF_ROLES)[number] {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}

/** Edits a user's name, role, units and status; only what changed is sent. */
export function EditUserModal({
  user,
  units,
  onClose,
  onSaved,
}: {
  user: UserRow;
  units: readonly OrgUnit[];
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { locale, t } = useI18n();
  const update = useUpdateUser(user.id);
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const originalUnitIds = user.units.map((u) => u.id);
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [unitIds, setUnitIds] = useState<number[]>(originalUnitIds);
  const [status, setStatus] = useState(user.status);
  const staff = isStaffRole(user.role);

  const changeRole = (next: Role) => {
    setRole(next);
    const allowed = new Set(unitsForRole(next, units).map((u) => u.id));
    setUnitIds((ids) => ids.filter((id) => allowed.has(id)));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body: UserChanges = {};
    if (name !== user.name) body.name = name;
    if (role !== user.role) body.role = role;
    const nextUnits = roleHasUnits(role) ? unitIds : [];
    if (!sameIds(nextUnits, originalUnitIds)) body.unitIds = nextUnits;
    if (status !== user.status) body.status = status;
    const invalid = validate(UpdateUserBody, body) ?? {};
    const unitsInvalid = unitsError(role, nextUnits);
    if (unitsInvalid) invalid.unitIds = unitsInvalid;
    if (Object.keys(invalid).length) return showInvalid(invalid);
    clear();
    if (Object.keys(body).length === 0) return onClose();
    try {
      await update.mutateAsync(body);
      onSaved(name);
    } catch (error) {
      showError(error);
    }
  };

  const labels = {
    name: t('field.name'),
    role: t('field.role'),
    unitIds: t('field.units'),
    status: t('field.status'),
  };
  const { errors } = feedback;
  return (
    <Modal
      title={`${t('users.edit.title')}: ${user.name}`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={FORM} className="krds-btn medium primary" disabled={update.isPending}>
            {t('common.save')}
          </button>
        </>
      }
    >
      <form id={FORM} className="form" onSubmit={onSubmit} noValidate data-testid="edit-user-form">
        <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
        <p className="muted">{user.email}</p>
        <TextField
          id={fieldId(FORM, 'name')}
          name="name"
          autoComplete="off"
          label={labels.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          maxLength={50}
          required
        />
        {staff ? (
          <SelectField
            id={fieldId(FORM, 'role')}
            name="role"
            label={labels.role}
            value={role}
            onChange={(e) => changeRole(e.target.value as Role)}
            error={errors.role}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="form-hint">{t('users.roleFixed', { role: t(`role.${user.role}`) })}</p>
        )}
        {roleHasUnits(role) && (
          <UnitPicker
            formId={FORM}
            role={role}
            units={units}
            selected={unitIds}
            onChange={setUnitIds}
            error={errors.unitIds}
          />
        )}
        <fieldset className="form-group">
          <legend className="form-legend">{labels.status}</legend>
          <div className="krds-check-area">
            {STATUSES.map((s, index) => {
              const id = index === 0 ? fieldId(FORM, 'status') : `${FORM}-status-${s}`;
              return (
                <div className="krds-form-check" key={s}>
                  <input
                    type="radio"
                    name="status"
                    id={id}
                    value={s}
                    checked={status === s}
                    onChange={() => setStatus(s)}
                  />
                  <label htmlFor={id}>{t(`status.${s}`)}</label>
                </div>
              );
            })}
          </div>
          {errors.status && <p className="form-hint-invalid">{errors.status[locale]}</p>}
        </fieldset>
      </form>
    </Modal>
  );
}
