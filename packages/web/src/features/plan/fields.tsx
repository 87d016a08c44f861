import type { Bilingual } from '@ilteo/shared';
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from '../../components/form';
import { groupDigits } from './numbers';

type NumberFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: Bilingual | undefined;
  value: string;
  onChange: (value: string) => void;
  /** A unit shown after the box (원, 명). */
  unit?: string;
  /** Group digits by thousands when the field loses focus (whole numbers only). */
  grouping?: boolean;
};

/**
 * A number typed as text (so `1,234,000` can be typed and read back), grouped by thousands when
 * the field is left. What cannot be read as a number stays as typed and is reported on save.
 */
export function NumberField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  unit,
  grouping = true,
  required,
  className,
  ...rest
}: NumberFieldProps) {
  return (
    <FieldFrame
      id={id}
      label={
        <>
          {label}
          {unit && <span className="sr-only"> ({unit})</span>}
        </>
      }
      hint={hint}
      error={error}
      required={required ?? false}
    >
      {(aria) => (
        <span className="number-input">
          <input
            id={id}
            className={className ? `krds-input ${className}` : 'krds-input'}
            inputMode={grouping ? 'numeric' : 'decimal'}
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onBlur={() => {
              if (grouping) onChange(groupDigits(value));
            }}
            required={required}
            {...aria}
            {...rest}
          />
          {unit && (
            <span className="number-unit" aria-hidden="true">
              {unit}
            </span>
          )}
        </span>
      )}
    </FieldFrame>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: Bilingual | undefined;
};

/** A KRDS text area with its label, hint and error. */
export function TextAreaField({ id, label, hint, error, required, ...rest }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      {(aria) => <textarea id={id} className="krds-input" rows={3} required={required} {...aria} {...rest} />}
    </FieldFrame>
  );
}
