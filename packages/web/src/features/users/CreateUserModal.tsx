import { CreateStaffBody, STAFF_ROLES } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import type { OrgUnit } from '../../api/types';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, SelectField, TextField, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/I18nProvider';
import { useCreateUser } from './api';
import { roleHasUnits, UnitPicker, unitsError, unitsForRole } from './UnitPicker';

const FORM = 'create-user';
type StaffRole = (typeof STAFF_ROLES)[number];

/** The "add user" dialog for staff accounts. */
export function CreateUserModal({
  units,
  onClose,
  onCreated,
}: {
  units: readonly OrgUnit[];
  onClose: () => void;
  onCreated: (name: string) => void;
}) {
  const t = useT();
  const create = useCreateUser();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('planner');
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [password, setPassword] = useState('');

  const changeRole = (next: StaffRole) => {
    setRole(next);
    // Units that the new role may not hold are dropped rather than silently sent.
    const allowed = new Set(unitsForRole(next, units).map((u) => u.id));
    setUnitIds((ids) => ids.filter((id) => allowed.has(id)));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { email, name, role, unitIds: roleHasUnits(role) ? unitIds : [], password };
    const invalid = validate(CreateStaffBody, body) ?? {};
    const unitsInvalid = unitsError(role, body.unitIds);
    if (unitsInvalid) invalid.unitIds = unitsInvalid;
    if (Object.keys(invalid).length) return showInvalid(invalid);
    clear();
    try {
      await create.mutateAsync(body);
      onCreated(name);
    } catch (error) {
      showError(error);
    }
  };

  const labels = {
    email: t('field.email'),
    name: t('field.name'),
    role: t('field.role'),
    unitIds: t('field.units'),
    password: t('field.initialPassword'),
  };
  const { errors } = feedback;
  return (
    <Modal
      title={t('users.create.title')}
      onClose={onClose}
      size="lg"
      actions={
        <>
          <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={FORM} className="krds-btn medium primary" disabled={create.isPending}>
            {t('users.create.submit')}
          </button>
        </>
      }
    >
      <form id={FORM} className="form" onSubmit={onSubmit} noValidate data-testid="create-user-form">
        <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
        <TextField
          id={fieldId(FORM, 'email')}
          name="email"
          type="email"
          autoComplete="off"
          label={labels.email}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          required
          data-autofocus
        />
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
        <SelectField
          id={fieldId(FORM, 'role')}
          name="role"
          label={labels.role}
          value={role}
          onChange={(e) => changeRole(e.target.value as StaffRole)}
          error={errors.role}
          required
        >
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
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
        <TextField
          id={fieldId(FORM, 'password')}
          name="password"
          type="password"
          autoComplete="new-password"
          label={labels.password}
          hint={t('users.create.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          required
        />
      </form>
    </Modal>
  );
}
