import type { ReactNode } from 'react';
import { FieldErrorText, FieldHint, RequiredMark, useFieldIds } from './field.tsx';

export interface SelectOption {
  value: string;
  label: string;
  lang?: string;
}

export interface SelectProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** Text of the empty first option; without it the select always has a value. */
  emptyLabel?: string;
  id?: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  width?: 'narrow' | 'medium' | 'full';
  className?: string;
}

/** A labelled native select: native so it works with every screen reader and on phones. */
export function Select(props: SelectProps) {
  const ids = useFieldIds(props.id, props.hint, props.error);
  return (
    <div className={`field ${props.error ? 'field--error' : ''} ${props.className ?? ''}`}>
      <div className="field-label-row">
        <label className="field-label" htmlFor={ids.control}>
          {props.label}
        </label>
        <RequiredMark required={props.required} />
      </div>
      <FieldHint id={ids.hint} hint={props.hint} />
      <FieldErrorText id={ids.error} error={props.error} />
      <select
        id={ids.control}
        name={ids.control}
        className={`input select input--${props.width ?? 'full'}`}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={ids.describedBy}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
