import type { PaceStatus } from '@ilteo/shared';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { paceBadge } from './pace';

/** A pace status as a KRDS badge: colour and word, never colour alone. */
export function PaceBadge({ status, testId }: { status: PaceStatus; testId?: string }) {
  const t = useT();
  const badge = paceBadge(status);
  return (
    <span className={badge.className} data-status={status} data-testid={testId}>
      {t(badge.label)}
    </span>
  );
}

/**
 * An explanation that opens while the pointer is over the zone or the button has focus, and
 * on a tap; Escape closes it (WCAG 1.4.13). The button is described by the text, so a screen
 * reader reads the method with it.
 */
export function HoverTip({
  children,
  tip,
  buttonLabel,
  className,
}: {
  children: ReactNode;
  tip: ReactNode;
  buttonLabel: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover only mirrors what the button does with focus
    <div
      className={className ? `mon-tip ${className}` : 'mon-tip'}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
    >
      {children}
      <button
        type="button"
        className="mon-tip-button"
        aria-describedby={id}
        aria-expanded={open}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="mon-tip-icon" aria-hidden="true">
          i
        </span>
        {buttonLabel}
      </button>
      <div role="tooltip" id={id} className="mon-tip-box" hidden={!open}>
        {tip}
      </div>
    </div>
  );
}

export interface TabDef {
  id: string;
  label: string;
  panel: ReactNode;
}

/**
 * KRDS line tabs with the ARIA tabs pattern: arrow keys, Home and End move between tabs and
 * select them; Tab goes into the panel. Every panel stays in the page (hidden when not chosen).
 */
export function Tabs({
  tabs,
  label,
  selected,
  onSelect,
}: {
  tabs: TabDef[];
  label: string;
  selected: string;
  onSelect: (id: string) => void;
}) {
  const buttons = useRef<Map<string, HTMLButtonElement>>(new Map());
  const base = useId();
  const current = tabs.some((tab) => tab.id === selected) ? selected : (tabs[0]?.id ?? '');

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };

  return (
    <div className="krds-tab-area">
      <div className="tab line">
        {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: KRDS tab markup; the items are role="presentation", so the list is only the tablist */}
        <ul role="tablist" aria-label={label}>
          {tabs.map((tab, index) => {
            const active = tab.id === current;
            return (
              <li key={tab.id} role="presentation" className={active ? 'active' : undefined}>
                <button
                  type="button"
                  role="tab"
                  className="btn-tab"
                  id={`${base}-tab-${tab.id}`}
                  aria-selected={active}
                  aria-controls={`${base}-panel-${tab.id}`}
                  tabIndex={active ? 0 : -1}
                  ref={(el) => {
                    if (el) buttons.current.set(tab.id, el);
                    else buttons.current.delete(tab.id);
                  }}
                  onClick={() => onSelect(tab.id)}
                  onKeyDown={(event) => onKeyDown(event, index)}
                >
                  {tab.label}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="tab-conts-wrap">
        {tabs.map((tab) => (
          <section
            key={tab.id}
            role="tabpanel"
            id={`${base}-panel-${tab.id}`}
            aria-labelledby={`${base}-tab-${tab.id}`}
            className={tab.id === current ? 'tab-conts active' : 'tab-conts'}
            hidden={tab.id !== current}
          >
            {tab.panel}
          </section>
        ))}
      </div>
    </div>
  );
}
