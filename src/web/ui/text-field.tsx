import type { FocusEvent, HTMLInputAutoCompleteAttribute, ReactNode } from 'react';
import { FieldErrorText, FieldHint, RequiredMark, useFieldIds } from './field.tsx';

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  id?: string;
  name?: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  type?: 'text' | 'email' | 'password' | 'tel' | 'search';
  inputMode?: 'text' | 'numeric' | 'tel' | 'email' | 'search' | 'decimal';
  autoComplete?: HTMLInputAutoCompleteAttribute;
  maxLength?: number;
  placeholder?: string;
  lang?: string;
  spellCheck?: boolean;
  width?: 'narrow' | 'medium' | 'full';
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  multiline?: boolean;
  rows?: number;
  className?: string;
}

/** A labelled text input (or text area) with its hint and error tied to it. */
export function TextField(props: TextFieldProps) {
  const ids = useFieldIds(props.id, props.hint, props.error);
  const common = {
    id: ids.control,
    name: props.name ?? ids.control,
    value: props.value,
    required: props.required,
    disabled: props.disabled,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    lang: props.lang,
    spellCheck: props.spellCheck,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': ids.describedBy,
  };
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
      {props.multiline ? (
        <textarea
          {...common}
          rows={props.rows ?? 3}
          className="input input--full"
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete}
          className={`input input--${props.width ?? 'full'}`}
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={props.onBlur}
        />
      )}
    </div>
  );
}
