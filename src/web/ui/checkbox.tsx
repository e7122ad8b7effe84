import type { ReactNode } from 'react';
import { FieldErrorText, FieldHint, useFieldIds } from './field.tsx';

export interface CheckboxProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  id?: string;
  hint?: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
}

export function Checkbox(props: CheckboxProps) {
  const ids = useFieldIds(props.id, props.hint, props.error);
  return (
    <div className={`field field--checkbox ${props.error ? 'field--error' : ''}`}>
      <FieldErrorText id={ids.error} error={props.error} />
      <div className="checkbox">
        <input
          type="checkbox"
          id={ids.control}
          name={ids.control}
          checked={props.checked}
          disabled={props.disabled}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={ids.describedBy}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <label htmlFor={ids.control}>{props.label}</label>
      </div>
      <FieldHint id={ids.hint} hint={props.hint} />
    </div>
  );
}
