import type { Bilingual, TaxonomyKind } from '@ilteo/shared';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { FieldFrame } from '../../components/form';
import { useI18n } from '../../i18n/I18nProvider';
import { preferredScheme, useSchemes, useTaxonomySearch } from './api';
import { addPicked, type PickedItem } from './profileForm';

/** Waits until typing pauses, so each keystroke does not become a request. */
function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

interface TypeaheadProps {
  id: string;
  kind: TaxonomyKind;
  onPick: (item: PickedItem) => void;
  disabled?: boolean;
  placeholder?: string;
  aria?: { 'aria-describedby'?: string; 'aria-invalid'?: true };
  /** Items not to offer again (already picked). */
  exclude?: readonly PickedItem[];
}

/**
 * An ARIA 1.2 combobox over a taxonomy: typing '간호' lists 간호사 and 간호조무사, 초성 like 'ㄱㅎ'
 * works too (the server matches). Arrow keys move, Enter picks, Escape closes.
 */
export function Typeahead({ id, kind, onPick, disabled, placeholder, aria, exclude = [] }: TypeaheadProps) {
  const { t } = useI18n();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 200);
  // Occupations come from one classification, so 간호조무사 is offered once, not once per scheme.
  const schemes = useSchemes();
  const scheme = kind === 'occupation' ? preferredScheme(schemes.data ?? [], kind) : undefined;
  const search = useTaxonomySearch(kind, kind === 'occupation' && schemes.isPending ? '' : q, scheme);
  const items = (q ? (search.data?.items ?? []) : []).filter(
    (i) => !exclude.some((e) => e.scheme === i.scheme && e.code === i.code),
  );
  const shown = open && q !== '' && text.trim() !== '';

  const pick = (index: number) => {
    const item = items[index];
    if (!item) return;
    onPick({ scheme: item.scheme, code: item.code, label: item.label });
    setText('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      if (shown && items.length) {
        event.preventDefault();
        pick(active);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="typeahead">
      <input
        id={id}
        className="krds-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && items[active] ? `${listId}-${active}` : undefined}
        value={text}
        disabled={disabled}
        placeholder={placeholder}
        maxLength={100}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        {...aria}
      />
      <div id={listId} role="listbox" className="typeahead-list" hidden={!shown}>
        {shown && search.isFetching && items.length === 0 && (
          <div className="typeahead-note" aria-live="polite">
            {t('common.loading')}
          </div>
        )}
        {shown && !search.isFetching && items.length === 0 && (
          <div className="typeahead-note">{t('registry.typeahead.none')}</div>
        )}
        {shown &&
          items.map((item, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keys (combobox pattern)
            <div
              key={`${item.scheme}:${item.code}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              tabIndex={-1}
              className={index === active ? 'typeahead-option active' : 'typeahead-option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(index)}
            >
              <span>{item.label}</span>
              <span className="typeahead-code">
                {item.scheme} {item.code}
              </span>
            </div>
          ))}
      </div>
    </div>
  );
}

interface PickerProps {
  id: string;
  kind: TaxonomyKind;
  label: ReactNode;
  hint?: ReactNode;
  error?: Bilingual | undefined;
  required?: boolean;
  value: PickedItem[];
  onChange: (next: PickedItem[]) => void;
  max: number;
  testId?: string;
}

/** Picked items as removable chips, and a typeahead to add more (up to `max`). */
export function TaxonomyPicker({
  id,
  kind,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  max,
  testId,
}: PickerProps) {
  const { t } = useI18n();
  const full = value.length >= max;
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={full ? t('registry.typeahead.full', { max }) : hint}
      error={error}
      required={required ?? false}
    >
      {(aria) => (
        <div className="picker" data-testid={testId}>
          {value.length > 0 && (
            <ul className="chips">
              {value.map((item) => (
                <li key={`${item.scheme}:${item.code}`} className="chip">
                  <span>{item.label}</span>
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('registry.typeahead.remove', { label: item.label })}
                    onClick={() => onChange(value.filter((v) => v !== item))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <Typeahead
            id={id}
            kind={kind}
            disabled={full}
            placeholder={t('registry.typeahead.placeholder')}
            onPick={(item) => onChange(addPicked(value, item, max))}
            exclude={value}
            aria={aria}
          />
        </div>
      )}
    </FieldFrame>
  );
}
