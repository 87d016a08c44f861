import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/I18nProvider';
import { claimHeadingFocus } from './focus';

/**
 * The page's one `<h1>`: it sets the document title and receives focus after navigation, so
 * assistive technology announces the new page.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    document.title = text ? `${text} | ${t('app.name')}` : t('app.name');
  }, [text, t]);

  useEffect(() => {
    if (ref.current) claimHeadingFocus(ref.current);
  }, []);

  return (
    <h1 id="main-heading" className="page-title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
