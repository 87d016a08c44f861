import { useCallback, useMemo, useState } from 'react';
import type { FieldErrors } from '../../api/validation';

/**
 * Which fields a person has been through, so live errors appear once a field was left (or
 * changed, for choices) and not while the form is still blank. After a submit every field counts.
 */
export function useTouched() {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = useState(false);
  const touch = useCallback(
    (field: string) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field))),
    [],
  );
  const touchAll = useCallback(() => setAll(true), []);
  const reset = useCallback(() => {
    setTouched(new Set());
    setAll(false);
  }, []);
  const shown = useCallback(
    (errors: FieldErrors): FieldErrors =>
      all ? errors : Object.fromEntries(Object.entries(errors).filter(([field]) => touched.has(field))),
    [all, touched],
  );
  return useMemo(() => ({ touch, touchAll, reset, shown }), [touch, touchAll, reset, shown]);
}
