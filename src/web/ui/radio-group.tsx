import { useId, type ReactNode } from 'react';
import { FieldErrorText, FieldHint, RequiredMark } from './field.tsx';

export interface RadioGroupProps<V extends string> {
  legend: ReactNode;
  value: V | '';
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  id?: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  inline?: boolean;
}

/** Radio buttons in a fieldset, so the question (legend) is read with each choice. */
export function RadioGroup<V extends string>(props: RadioGroupProps<V>) {
  const generated = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const base = props.id ?? `r${generated}`;
  const hintId = props.hint ? `${base}-hint` : undefined;
  const errorId = props.error ? `${base}-error` : undefined;
  return (
    <fieldset
      className={`field fieldset ${props.error ? 'field--error' : ''}`}
      id={base}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field-label">
        {props.legend}
        <RequiredMark required={props.required} />
      </legend>
      <FieldHint id={hintId} hint={props.hint} />
      <FieldErrorText id={errorId} error={props.error} />
      <div className={props.inline ? 'radios radios--inline' : 'radios'}>
        {props.options.map((o, i) => (
          <div className="radio" key={o.value}>
            <input
              type="radio"
              id={i === 0 ? `${base}-input` : `${base}-${o.value}`}
              name={base}
              value={o.value}
              checked={props.value === o.value}
              required={props.required}
              onChange={() => props.onChange(o.value)}
            />
            <label htmlFor={i === 0 ? `${base}-input` : `${base}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
