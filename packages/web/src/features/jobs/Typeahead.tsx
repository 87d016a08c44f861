import type { Bilingual } from '@ilteo/shared';
import { type KeyboardEvent, type ReactNode, useEffect, useState } from 'react';
import { FieldFrame } from '../../components/form';
import { useI18n } from '../../i18n/I18nProvider';
import { type TaxonomyItem, useTaxonomySearch } from './api';
import type { PickedItem } from './vacancyForm';

type Kind = 'occupations' | 'skills' | 'certificates';

interface TypeaheadProps {
  id: string;
  kind: Kind;
  label: ReactNode;
  hint?: ReactNode;
  error?: Bilingual | undefined;
  required?: boolean;
  /** Called with the item chosen from the list. */
  onPick: (item: PickedItem) => void;
  onBlur?: () => void;
  /** Codes already chosen, left out of the list. */
  exclude?: readonly string[];
  /** Shown in the box before anything is typed (the current choice). */
  placeholder?: string;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * A combobox over a taxonomy (ARIA 1.2 pattern): type part of a word ('간호') or its 초성
 * ('ㄱㅎ'), move with the arrow keys, choose with Enter or a click.
 */
export function Typeahead({
  id,
  kind,
  label,
  hint,
  error,
  required,
  onPick,
  onBlur,
  exclude = [],
  placeholder,
}: TypeaheadProps) {
  const t = useI18n().t;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text, 200);
  const results = useTaxonomySearch(kind, q);
  const items = (results.data?.items ?? []).filter((i) => !exclude.includes(`${i.scheme}:${i.code}`));
  const listId = `${id}-list`;
  const expanded = open && text.trim().length > 0;

  const pick = (item: TaxonomyItem) => {
    onPick({ scheme: item.scheme, code: item.code, label: item.label });
    setText('');
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && expanded && items[active]) {
      event.preventDefault();
      pick(items[active]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      {(aria) => (
        <div className="jobs-typeahead">
          <input
            id={id}
            className="krds-input"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && items[active] ? `${listId}-${active}` : undefined}
            autoComplete="off"
            value={text}
            placeholder={placeholder ?? t('jobs.typeahead.placeholder')}
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              // A click on an option lands after the blur: close a moment later.
              setTimeout(() => setOpen(false), 150);
              onBlur?.();
            }}
            {...aria}
          />
          {expanded && (
            <div id={listId} role="listbox" className="jobs-typeahead-list" data-testid={`typeahead-${kind}`}>
              {items.length === 0 ? (
                <p className="jobs-typeahead-empty">
                  {results.isFetching ? t('common.loading') : t('jobs.typeahead.none')}
                </p>
              ) : (
                items.map((item, i) => (
                  <div
                    key={`${item.scheme}:${item.code}`}
                    tabIndex={-1}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={i === active ? 'active' : undefined}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      pick(item);
                    }}
                  >
                    <span>{item.label}</span>
                    <span className="muted"> {item.code}</span>
                  </div>
                ))
              )}
            </div>
          )}
        </div>
      )}
    </FieldFrame>
  );
}

/** Chosen items as removable chips. */
export function PickedList({
  items,
  onRemove,
}: {
  items: readonly PickedItem[];
  onRemove: (item: PickedItem) => void;
}) {
  const t = useI18n().t;
  if (!items.length) return null;
  return (
    <ul className="jobs-picked">
      {items.map((item) => (
        <li key={`${item.scheme}:${item.code}`}>
          <span>{item.label}</span>
          <button type="button" className="krds-btn xsmall text" onClick={() => onRemove(item)}>
            {t('jobs.remove')}
            <span className="sr-only"> {item.label}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
