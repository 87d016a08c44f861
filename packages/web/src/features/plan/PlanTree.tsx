import {
  JOB_TYPE_LABELS,
  type Plan,
  type Program,
  StrategyBody,
  TARGET_GROUP_LABELS,
  type TargetGroup,
  UpdateStrategyBody,
} from '@ilteo/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { FieldErrors } from '../../api/validation';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, TextField, useFormFeedback } from '../../components/form';
import { ErrorNotice } from '../../components/status';
import { formatMoney, formatNumber } from '../../i18n/format';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { planKey, usePlanEdits } from './api';
import { ConfirmModal } from './ConfirmModal';
import { ConflictNotice, isConflict } from './conflict';
import { TextAreaField } from './fields';
import { formatCount } from './numbers';
import { moveBy, type ProgramPlacement, placeProgram, withPlacement, withStrategyOrder } from './reorder';
import type { PlanAbilities } from './usePlanRole';

type Drag = { kind: 'program'; id: number } | { kind: 'strategy'; id: number } | null;
type DropTarget =
  | { kind: 'program'; strategyId: number; beforeId: number | null }
  | { kind: 'strategy'; beforeId: number | null }
  | null;
type Confirm =
  | { kind: 'strategy'; id: number; name: string; programs: number }
  | { kind: 'program'; program: Program }
  | null;

interface PlanTreeProps {
  plan: Plan;
  can: PlanAbilities;
  onEditProgram: (program: Program) => void;
  onAddProgram: (strategyId: number) => void;
}

/** Where to put a dragged item relative to the element under the pointer: its upper or lower half. */
function isUpperHalf(event: DragEvent<HTMLElement>): boolean {
  const rect = event.currentTarget.getBoundingClientRect();
  return event.clientY < rect.top + rect.height / 2;
}

/**
 * The plan as a tree: strategies in order, each with its programs. Planners reorder by drag and
 * drop or with the 위로/아래로 buttons (drag alone would shut out keyboard users), move programs
 * across strategies, rename strategies in place, and add or delete them.
 */
export function PlanTree({ plan, can, onEditProgram, onAddProgram }: PlanTreeProps) {
  const { locale, t } = useI18n();
  const client = useQueryClient();
  const edits = usePlanEdits(plan.id);
  const [drag, setDrag] = useState<Drag>(null);
  const [drop, setDrop] = useState<DropTarget>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<string | null>(null);
  const manage = can.manage;

  // A moved item keeps the focus on the button that moved it (or the other one at an end).
  useEffect(() => {
    const key = focusAfter.current;
    if (!key) return;
    const button = document.querySelector<HTMLButtonElement>(`[data-focus-key="${key}"]`);
    if (button && !button.disabled) {
      button.focus();
      focusAfter.current = null;
    } else {
      const other = key.endsWith('-up') ? key.replace(/-up$/, '-down') : key.replace(/-down$/, '-up');
      document.querySelector<HTMLButtonElement>(`[data-focus-key="${other}"]`)?.focus();
      focusAfter.current = null;
    }
  });

  const show = (next: Plan) => client.setQueryData(planKey(plan.id), next);
  const reload = () => client.invalidateQueries({ queryKey: planKey(plan.id) });

  const reorderStrategies = (ids: number[], message: string) => {
    setError(null);
    show(withStrategyOrder(plan, ids));
    edits.reorderStrategies.mutate(ids, {
      onSuccess: () => setAnnouncement(message),
      onError: setError,
    });
  };

  const place = async (placement: ProgramPlacement, message: string) => {
    setError(null);
    show(withPlacement(plan, placement));
    try {
      if (placement.moves) {
        const program = plan.strategies.flatMap((s) => s.programs).find((p) => p.id === placement.programId);
        await api('PATCH', `/programs/${placement.programId}`, {
          body: { version: program?.version ?? 1, strategyId: placement.toStrategyId },
        });
      }
      if (placement.order) {
        await edits.reorderPrograms.mutateAsync({ strategyId: placement.toStrategyId, ids: placement.order });
      } else {
        await reload();
      }
      setAnnouncement(message);
    } catch (e) {
      setError(e);
      await reload();
    }
  };

  const moveStrategy = (id: number, delta: number) => {
    const ids = plan.strategies.map((s) => s.id);
    const next = moveBy(ids, id, delta);
    const strategy = plan.strategies.find((s) => s.id === id);
    if (!next || !strategy) return;
    focusAfter.current = `strategy-${id}-${delta < 0 ? 'up' : 'down'}`;
    reorderStrategies(
      next,
      t('plan.tree.movedTo', { name: strategy.name, position: next.indexOf(id) + 1, count: next.length }),
    );
  };

  const moveProgram = (program: Program, delta: number) => {
    const strategy = plan.strategies.find((s) => s.id === program.strategyId);
    if (!strategy) return;
    const ids = strategy.programs.map((p) => p.id);
    const next = moveBy(ids, program.id, delta);
    if (!next) return;
    focusAfter.current = `program-${program.id}-${delta < 0 ? 'up' : 'down'}`;
    void place(
      {
        programId: program.id,
        fromStrategyId: strategy.id,
        toStrategyId: strategy.id,
        moves: false,
        order: next,
      },
      t('plan.tree.movedTo', {
        name: program.name,
        position: next.indexOf(program.id) + 1,
        count: next.length,
      }),
    );
  };

  const onDropProgram = (strategyId: number, beforeId: number | null) => {
    if (drag?.kind !== 'program') return;
    const placement = placeProgram(plan, drag.id, strategyId, beforeId);
    const program = plan.strategies.flatMap((s) => s.programs).find((p) => p.id === drag.id);
    const target = plan.strategies.find((s) => s.id === strategyId);
    setDrag(null);
    setDrop(null);
    if (!placement || !program || !target) return;
    void place(
      placement,
      placement.moves
        ? t('plan.tree.movedToStrategy', { name: program.name, strategy: target.name })
        : t('plan.tree.reordered', { name: program.name }),
    );
  };

  const onDropStrategy = (beforeId: number | null) => {
    if (drag?.kind !== 'strategy') return;
    const ids = plan.strategies.map((s) => s.id).filter((id) => id !== drag.id);
    const at = beforeId === null ? ids.length : ids.indexOf(beforeId);
    ids.splice(at < 0 ? ids.length : at, 0, drag.id);
    const strategy = plan.strategies.find((s) => s.id === drag.id);
    setDrag(null);
    setDrop(null);
    if (!strategy || ids.every((id, i) => id === plan.strategies[i]?.id)) return;
    reorderStrategies(ids, t('plan.tree.reordered', { name: strategy.name }));
  };

  const endDrag = () => {
    setDrag(null);
    setDrop(null);
  };

  const deleting = confirm?.kind === 'strategy' ? edits.deleteStrategy : edits.deleteProgram;
  const visible = can.ownUnitsOnly ? plan.strategies.filter((s) => s.programs.length > 0) : plan.strategies;

  return (
    <div className="plan-tree" data-testid="plan-tree">
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {manage && <p className="form-hint tree-hint">{t('plan.tree.reorderHint')}</p>}
      {visible.length === 0 && (
        <p className="empty-state">
          {can.ownUnitsOnly ? t('plan.tree.noOwnPrograms') : t('plan.tree.empty')}
        </p>
      )}
      <ol className="strategy-list">
        {visible.map((strategy) => {
          const index = plan.strategies.indexOf(strategy);
          const headingId = `strategy-${strategy.id}-name`;
          const budget = strategy.programs.reduce((sum, p) => sum + p.budgetTotal, 0);
          const dropBefore = drop?.kind === 'strategy' && drop.beforeId === strategy.id;
          return (
            <li
              key={strategy.id}
              className={[
                'strategy',
                drag?.kind === 'strategy' && drag.id === strategy.id ? 'is-dragging' : '',
                dropBefore ? 'drop-before' : '',
              ]
                .filter(Boolean)
                .join(' ')}
              data-testid={`strategy-${strategy.id}`}
              aria-labelledby={headingId}
              onDragOver={(e) => {
                if (drag?.kind !== 'strategy') return;
                e.preventDefault();
                const next = plan.strategies[index + 1]?.id ?? null;
                setDrop({ kind: 'strategy', beforeId: isUpperHalf(e) ? strategy.id : next });
              }}
              onDrop={(e) => {
                if (drag?.kind !== 'strategy') return;
                e.preventDefault();
                onDropStrategy(drop?.kind === 'strategy' ? drop.beforeId : strategy.id);
              }}
            >
              {editing === strategy.id ? (
                <StrategyEditor
                  plan={plan}
                  strategy={strategy}
                  onDone={(name) => {
                    setEditing(null);
                    if (name) setAnnouncement(t('plan.strategy.saved', { name }));
                  }}
                />
              ) : (
                // biome-ignore lint/a11y/noStaticElementInteractions: dragging is a pointer shortcut; the 위로/아래로 buttons do the same from the keyboard
                <div
                  className="strategy-head"
                  draggable={manage}
                  onDragStart={(e) => {
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', strategy.name);
                    setDrag({ kind: 'strategy', id: strategy.id });
                  }}
                  onDragEnd={endDrag}
                >
                  <div className="strategy-title">
                    {manage && (
                      <span className="drag-handle" aria-hidden="true" title={t('plan.tree.dragHint')}>
                        ⠿
                      </span>
                    )}
                    <span className="strategy-no">{t('plan.tree.strategyNo', { n: index + 1 })}</span>
                    <h3 id={headingId} className="strategy-name">
                      {manage ? (
                        <button type="button" className="link-button" onClick={() => setEditing(strategy.id)}>
                          {strategy.name}
                          <span className="sr-only"> ({t('plan.strategy.editName')})</span>
                        </button>
                      ) : (
                        strategy.name
                      )}
                    </h3>
                  </div>
                  {strategy.description && <p className="strategy-desc">{strategy.description}</p>}
                  <dl className="strategy-figures">
                    <div>
                      <dt>{can.ownUnitsOnly ? t('plan.tree.ownTarget') : t('plan.tree.target')}</dt>
                      <dd>{formatCount(strategy.targetTotal, locale)}</dd>
                    </div>
                    <div>
                      <dt>{t('plan.tree.programs')}</dt>
                      <dd>{t('plan.tree.programCount', { n: strategy.programs.length })}</dd>
                    </div>
                    <div>
                      <dt>{t('plan.tree.budget')}</dt>
                      <dd>{formatMoney(budget, locale)}</dd>
                    </div>
                  </dl>
                  {manage && (
                    <div className="strategy-actions">
                      <button
                        type="button"
                        className="krds-btn xsmall tertiary"
                        data-focus-key={`strategy-${strategy.id}-up`}
                        disabled={index === 0}
                        aria-label={t('plan.tree.moveUpOf', { name: strategy.name })}
                        onClick={() => moveStrategy(strategy.id, -1)}
                      >
                        {t('plan.tree.moveUp')}
                      </button>
                      <button
                        type="button"
                        className="krds-btn xsmall tertiary"
                        data-focus-key={`strategy-${strategy.id}-down`}
                        disabled={index === plan.strategies.length - 1}
                        aria-label={t('plan.tree.moveDownOf', { name: strategy.name })}
                        onClick={() => moveStrategy(strategy.id, 1)}
                      >
                        {t('plan.tree.moveDown')}
                      </button>
                      <button
                        type="button"
                        className="krds-btn xsmall tertiary"
                        aria-label={t('plan.strategy.editOf', { name: strategy.name })}
                        onClick={() => setEditing(strategy.id)}
                      >
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        className="krds-btn xsmall tertiary"
                        aria-label={t('plan.strategy.deleteOf', { name: strategy.name })}
                        onClick={() =>
                          setConfirm({
                            kind: 'strategy',
                            id: strategy.id,
                            name: strategy.name,
                            programs: strategy.programs.length,
                          })
                        }
                      >
                        {t('plan.delete')}
                      </button>
                      <button
                        type="button"
                        className="krds-btn xsmall secondary"
                        aria-label={t('plan.program.addTo', { strategy: strategy.name })}
                        onClick={() => onAddProgram(strategy.id)}
                      >
                        {t('plan.program.add')}
                      </button>
                    </div>
                  )}
                </div>
              )}

              <ol
                className={
                  drop?.kind === 'program' && drop.strategyId === strategy.id && drop.beforeId === null
                    ? 'program-list drop-end'
                    : 'program-list'
                }
                aria-label={t('plan.tree.programsOf', { strategy: strategy.name })}
                onDragOver={(e) => {
                  if (drag?.kind !== 'program') return;
                  e.preventDefault();
                  e.stopPropagation();
                  if (e.target === e.currentTarget)
                    setDrop({ kind: 'program', strategyId: strategy.id, beforeId: null });
                }}
                onDrop={(e) => {
                  if (drag?.kind !== 'program') return;
                  e.preventDefault();
                  e.stopPropagation();
                  const target =
                    drop?.kind === 'program' && drop.strategyId === strategy.id ? drop.beforeId : null;
                  onDropProgram(strategy.id, target);
                }}
              >
                {strategy.programs.length === 0 && (
                  <li className="program-empty">
                    {manage ? t('plan.tree.emptyStrategyManage') : t('plan.tree.emptyStrategy')}
                  </li>
                )}
                {strategy.programs.map((program, pi) => (
                  <ProgramItem
                    key={program.id}
                    program={program}
                    number={`${index + 1}-${pi + 1}`}
                    planId={plan.id}
                    manage={manage}
                    first={pi === 0}
                    last={pi === strategy.programs.length - 1}
                    dragging={drag?.kind === 'program' && drag.id === program.id}
                    dropBefore={drop?.kind === 'program' && drop.beforeId === program.id}
                    onEdit={() => onEditProgram(program)}
                    onMove={(delta) => moveProgram(program, delta)}
                    onDelete={() => setConfirm({ kind: 'program', program })}
                    onDragStart={(e) => {
                      e.stopPropagation();
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', program.name);
                      setDrag({ kind: 'program', id: program.id });
                    }}
                    onDragEnd={endDrag}
                    onDragOver={(e) => {
                      if (drag?.kind !== 'program') return;
                      e.preventDefault();
                      e.stopPropagation();
                      const next = strategy.programs[pi + 1]?.id ?? null;
                      setDrop({
                        kind: 'program',
                        strategyId: strategy.id,
                        beforeId: isUpperHalf(e) ? program.id : next,
                      });
                    }}
                  />
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
      {manage && (
        // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for dragged strategies; the 위로/아래로 buttons do the same from the keyboard
        <div
          className={
            drop?.kind === 'strategy' && drop.beforeId === null ? 'tree-end drop-before' : 'tree-end'
          }
          onDragOver={(e) => {
            if (drag?.kind !== 'strategy') return;
            e.preventDefault();
            setDrop({ kind: 'strategy', beforeId: null });
          }}
          onDrop={(e) => {
            if (drag?.kind !== 'strategy') return;
            e.preventDefault();
            onDropStrategy(null);
          }}
        >
          {adding ? (
            <AddStrategyForm
              planId={plan.id}
              onDone={(name) => {
                setAdding(false);
                if (name) setAnnouncement(t('plan.strategy.added', { name }));
              }}
            />
          ) : (
            <button type="button" className="krds-btn medium secondary" onClick={() => setAdding(true)}>
              {t('plan.strategy.add')}
            </button>
          )}
        </div>
      )}

      {confirm && (
        <ConfirmModal
          title={confirm.kind === 'strategy' ? t('plan.strategy.deleteTitle') : t('plan.program.deleteTitle')}
          confirmLabel={t('plan.delete')}
          danger
          pending={deleting.isPending}
          error={deleting.error}
          onClose={() => {
            edits.deleteStrategy.reset();
            edits.deleteProgram.reset();
            setConfirm(null);
          }}
          onConfirm={() => {
            const name = confirm.kind === 'strategy' ? confirm.name : confirm.program.name;
            const done = () => {
              setConfirm(null);
              setAnnouncement(t('plan.deleted', { name }));
            };
            if (confirm.kind === 'strategy') edits.deleteStrategy.mutate(confirm.id, { onSuccess: done });
            else edits.deleteProgram.mutate(confirm.program.id, { onSuccess: done });
          }}
        >
          {confirm.kind === 'strategy' ? (
            <>
              <p>{t('plan.strategy.deleteBody', { name: confirm.name })}</p>
              {confirm.programs > 0 && (
                <p className="form-hint">{t('plan.strategy.deleteHasPrograms', { n: confirm.programs })}</p>
              )}
            </>
          ) : (
            <p>{t('plan.program.deleteBody', { name: confirm.program.name })}</p>
          )}
        </ConfirmModal>
      )}
    </div>
  );
}

interface ProgramItemProps {
  program: Program;
  number: string;
  planId: number;
  manage: boolean;
  first: boolean;
  last: boolean;
  dragging: boolean;
  dropBefore: boolean;
  onEdit: () => void;
  onMove: (delta: number) => void;
  onDelete: () => void;
  onDragStart: (e: DragEvent<HTMLLIElement>) => void;
  onDragEnd: () => void;
  onDragOver: (e: DragEvent<HTMLLIElement>) => void;
}

/** One program: a row on wide screens, a card on narrow ones. */
function ProgramItem({
  program,
  number,
  planId,
  manage,
  first,
  last,
  dragging,
  dropBefore,
  onEdit,
  onMove,
  onDelete,
  onDragStart,
  onDragEnd,
  onDragOver,
}: ProgramItemProps) {
  const { locale, t } = useI18n();
  const unit = locale === 'ko' ? program.ownerUnit.name : program.ownerUnit.nameEn || program.ownerUnit.name;
  const groups = program.targetGroups.map((g) => TARGET_GROUP_LABELS[g][locale]).join(', ');
  const groupTargets = (Object.entries(program.groupTargets) as [TargetGroup, number][])
    .map(([g, n]) => `${TARGET_GROUP_LABELS[g][locale]} ${formatNumber(n)}`)
    .join(' · ');
  return (
    <li
      className={['program-item', dragging ? 'is-dragging' : '', dropBefore ? 'drop-before' : '']
        .filter(Boolean)
        .join(' ')}
      data-testid={`program-${program.id}`}
      draggable={manage}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragOver={onDragOver}
    >
      <div className="program-main">
        <div className="program-title-row">
          {manage && (
            <span className="drag-handle" aria-hidden="true" title={t('plan.tree.dragHint')}>
              ⠿
            </span>
          )}
          <span className="program-no" aria-hidden="true">
            {number}
          </span>
          <h4 className="program-name">
            {manage ? (
              <button type="button" className="link-button" onClick={onEdit}>
                {program.name}
                <span className="sr-only"> ({t('plan.program.editHint')})</span>
              </button>
            ) : (
              program.name
            )}
          </h4>
          {program.illustrative && (
            <span className="krds-badge bg-light-gray" title={t('plan.illustrative.title')}>
              {t('plan.illustrative.badge')}
            </span>
          )}
        </div>
        <dl className="program-facts">
          <div>
            <dt>{t('plan.program.ownerUnit')}</dt>
            <dd>{unit}</dd>
          </div>
          <div>
            <dt>{t('plan.program.jobType')}</dt>
            <dd>{JOB_TYPE_LABELS[program.jobType][locale]}</dd>
          </div>
          <div>
            <dt>{t('plan.program.targetGroups')}</dt>
            <dd>
              {groups}
              {groupTargets && <span className="cell-sub">{groupTargets}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('plan.program.budget')}</dt>
            <dd>{formatMoney(program.budgetTotal, locale)}</dd>
          </div>
        </dl>
      </div>
      <dl className="program-target">
        <dt>{t('plan.program.annualTarget')}</dt>
        <dd>{formatCount(program.annualTarget, locale)}</dd>
      </dl>
      <div className="program-actions">
        <Link
          className="krds-btn xsmall secondary"
          to={`/programs/${program.id}/results?plan=${planId}`}
          aria-label={t('plan.program.resultsOf', { name: program.name })}
        >
          {t('plan.program.results')}
        </Link>
        {manage && (
          <>
            <button
              type="button"
              className="krds-btn xsmall tertiary"
              data-focus-key={`program-${program.id}-up`}
              disabled={first}
              aria-label={t('plan.tree.moveUpOf', { name: program.name })}
              onClick={() => onMove(-1)}
            >
              {t('plan.tree.moveUp')}
            </button>
            <button
              type="button"
              className="krds-btn xsmall tertiary"
              data-focus-key={`program-${program.id}-down`}
              disabled={last}
              aria-label={t('plan.tree.moveDownOf', { name: program.name })}
              onClick={() => onMove(1)}
            >
              {t('plan.tree.moveDown')}
            </button>
            <button
              type="button"
              className="krds-btn xsmall tertiary"
              aria-label={t('plan.program.editOf', { name: program.name })}
              onClick={onEdit}
            >
              {t('common.edit')}
            </button>
            <button
              type="button"
              className="krds-btn xsmall tertiary"
              aria-label={t('plan.program.deleteOf', { name: program.name })}
              onClick={onDelete}
            >
              {t('plan.delete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** Renames a strategy in place (with its version; a stale edit offers to load the latest). */
function StrategyEditor({
  plan,
  strategy,
  onDone,
}: {
  plan: Plan;
  strategy: Plan['strategies'][number];
  onDone: (savedName: string | null) => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const edits = usePlanEdits(plan.id);
  const form = `strategy-${strategy.id}-form`;
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [name, setName] = useState(strategy.name);
  const [description, setDescription] = useState(strategy.description);
  const [version, setVersion] = useState(strategy.version);
  const [conflict, setConflict] = useState(false);

  const reload = async () => {
    const fresh = await client.fetchQuery({
      queryKey: planKey(plan.id),
      queryFn: () => api<Plan>('GET', `/plans/${plan.id}`),
      staleTime: 0,
    });
    const latest = fresh.strategies.find((s) => s.id === strategy.id);
    if (!latest) return onDone(null);
    setName(latest.name);
    setDescription(latest.description);
    setVersion(latest.version);
    setConflict(false);
    clear();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { id: strategy.id, name, description, version };
    const invalid = validate(UpdateStrategyBody, { name, description, version });
    if (invalid) return showInvalid(invalid);
    clear();
    try {
      await edits.updateStrategy.mutateAsync(body);
      onDone(name.trim());
    } catch (error) {
      setConflict(isConflict(error));
      showError(error);
    }
  };
  const labels = { name: t('plan.strategy.name'), description: t('plan.strategy.description') };
  return (
    <form
      id={form}
      className="strategy-editor form"
      onSubmit={onSubmit}
      noValidate
      data-testid="strategy-form"
    >
      {conflict ? (
        <ConflictNotice onReload={() => void reload()} />
      ) : (
        <ErrorSummary formId={form} feedback={feedback} labels={labels} />
      )}
      <StrategyFields
        form={form}
        labels={labels}
        name={name}
        description={description}
        onName={setName}
        onDescription={setDescription}
        errors={feedback.errors}
        submitLabel={t('common.save')}
        pending={edits.updateStrategy.isPending}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}

/** A strategy's name and description fields with save and cancel: shared by the edit and add forms. */
function StrategyFields(props: {
  form: string;
  labels: { name: string; description: string };
  name: string;
  description: string;
  onName: (value: string) => void;
  onDescription: (value: string) => void;
  errors: FieldErrors;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const t = useT();
  const { form, labels, errors } = props;
  return (
    <>
      <TextField
        id={fieldId(form, 'name')}
        label={labels.name}
        value={props.name}
        onChange={(e) => props.onName(e.target.value)}
        error={errors.name}
        maxLength={200}
        required
        autoFocus
      />
      <TextAreaField
        id={fieldId(form, 'description')}
        label={labels.description}
        value={props.description}
        onChange={(e) => props.onDescription(e.target.value)}
        error={errors.description}
        maxLength={2000}
      />
      <div className="btn-row">
        <button type="submit" className="krds-btn small primary" disabled={props.pending}>
          {props.submitLabel}
        </button>
        <button type="button" className="krds-btn small tertiary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}

/** The "전략 추가" form at the end of the tree. */
function AddStrategyForm({ planId, onDone }: { planId: number; onDone: (name: string | null) => void }) {
  const t = useT();
  const edits = usePlanEdits(planId);
  const form = 'add-strategy';
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name, description };
    const invalid = validate(StrategyBody, body);
    if (invalid) return showInvalid(invalid);
    clear();
    try {
      await edits.addStrategy.mutateAsync(StrategyBody.parse(body));
      onDone(name.trim());
    } catch (error) {
      showError(error);
    }
  };
  const labels = { name: t('plan.strategy.name'), description: t('plan.strategy.description') };
  return (
    <form
      id={form}
      className="strategy-editor form"
      onSubmit={onSubmit}
      noValidate
      data-testid="add-strategy-form"
    >
      <h3 className="section-title">{t('plan.strategy.add')}</h3>
      <ErrorSummary formId={form} feedback={feedback} labels={labels} />
      <StrategyFields
        form={form}
        labels={labels}
        name={name}
        description={description}
        onName={setName}
        onDescription={setDescription}
        errors={feedback.errors}
        submitLabel={t('plan.strategy.addSubmit')}
        pending={edits.addStrategy.isPending}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}
