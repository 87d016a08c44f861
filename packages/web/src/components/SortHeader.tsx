import { useT } from '../i18n/I18nProvider';

export type SortOrder = 'asc' | 'desc';

interface SortHeaderProps {
  label: string;
  field: string;
  sort: string;
  order: SortOrder;
  onSort: (field: string, order: SortOrder) => void;
}

/**
 * A column heading that sorts the table: first press sorts ascending, the next reverses.
 * `aria-sort` tells assistive technology which column orders the rows.
 */
export function SortHeader({ label, field, sort, order, onSort }: SortHeaderProps) {
  const t = useT();
  const active = sort === field;
  const next: SortOrder = active && order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(field, next)}
        title={next === 'asc' ? t('common.sortAscending') : t('common.sortDescending')}
      >
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
