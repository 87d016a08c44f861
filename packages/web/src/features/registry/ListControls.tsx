import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

/** The text box of a staff list's filter bar. */
export function QueryField(props: {
  id: string;
  label: MessageKey;
  hint: MessageKey;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form-group">
      <div className="form-tit">
        <label htmlFor={props.id}>{t(props.label)}</label>
      </div>
      <div className="form-conts">
        <input
          id={props.id}
          className="krds-input"
          type="search"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          placeholder={t(props.hint)}
          maxLength={100}
        />
      </div>
    </div>
  );
}

/** The sort order of a staff list: applies at once. */
export function SortField<S extends 'relevance' | 'newest' | 'name' | 'wage'>(props: {
  id: string;
  sorts: readonly S[];
  value: string;
  onChange: (sort: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form-group">
      <div className="form-tit">
        <label htmlFor={props.id}>{t('registry.sort.label')}</label>
      </div>
      <div className="form-conts">
        <select
          id={props.id}
          className="krds-form-select completed"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.sorts.map((s) => (
            <option key={s} value={s}>
              {t(`registry.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** A select of a staff list's filter bar: 'all' first, then the options with their labels. */
export function OptionField(props: {
  id: string;
  label: string;
  options: readonly string[];
  labelOf: (option: string) => string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form-group">
      <div className="form-tit">
        <label htmlFor={props.id}>{props.label}</label>
      </div>
      <div className="form-conts">
        <select
          id={props.id}
          className={props.value ? 'krds-form-select completed' : 'krds-form-select'}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          <option value="">{t('common.all')}</option>
          {props.options.map((o) => (
            <option key={o} value={o}>
              {props.labelOf(o)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
