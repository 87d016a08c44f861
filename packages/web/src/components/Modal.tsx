import { type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/I18nProvider';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom of the dialog. */
  actions?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  testId?: string;
}

/**
 * A KRDS modal dialog. Focus moves into it and cannot leave it (the page behind becomes
 * inert), Escape closes it, and focus goes back to whatever opened it.
 */
export function Modal({ title, onClose, children, actions, size = 'md', testId }: ModalProps) {
  const t = useT();
  const titleId = useId();
  const contentRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    document.body.classList.add('modal-open');

    const content = contentRef.current;
    const first =
      content?.querySelector<HTMLElement>('[data-autofocus]') ??
      content?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? content)?.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (event.key !== 'Tab' || !content) return;
      const items = [...content.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.offsetParent !== null,
      );
      if (items.length === 0) {
        event.preventDefault();
        content.focus();
        return;
      }
      const head = items[0]!;
      const tail = items[items.length - 1]!;
      if (event.shiftKey && (document.activeElement === head || document.activeElement === content)) {
        event.preventDefault();
        tail.focus();
      } else if (!event.shiftKey && document.activeElement === tail) {
        event.preventDefault();
        head.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      root?.removeAttribute('inert');
      document.body.classList.remove('modal-open');
      opener?.focus();
    };
  }, []);

  return createPortal(
    <section
      className="krds-modal shown in"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <div className={`modal-dialog modal-${size}`}>
        <div className="modal-content" ref={contentRef} tabIndex={-1}>
          <div className="modal-header">
            <h2 id={titleId} className="modal-title">
              {title}
            </h2>
          </div>
          <div className="modal-conts">
            <div className="conts-area">{children}</div>
          </div>
          {actions && <div className="modal-btn btn-wrap">{actions}</div>}
          <button type="button" className="krds-btn medium icon btn-close" onClick={onClose}>
            <span className="sr-only">{t('common.close')}</span>
            <i className="svg-icon ico-popup-close" aria-hidden="true" />
          </button>
        </div>
      </div>
      <div className="modal-back in" aria-hidden="true" />
    </section>,
    document.body,
  );
}
