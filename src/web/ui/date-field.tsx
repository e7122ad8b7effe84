import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDisplayDate, toDisplayDate } from '../../shared/i18n/format.ts';
import { TextField } from './text-field.tsx';

export interface DateFieldProps {
  label: ReactNode;
  /** What the user typed, dd.mm.yyyy; convert with `parseDisplayDate` when saving. */
  value: string;
  onChange: (value: string) => void;
  id?: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A date typed as dd.mm.yyyy, the way dates are written in Uzbekistan. A
 * text field rather than `<input type="date">`, whose display follows the
 * browser's locale and cannot be made dd.mm.yyyy in English or Uzbek.
 */
export function DateField(props: DateFieldProps) {
  const { t } = useTranslation();
  const hint = (
    <>
      {props.hint ? <>{props.hint} </> : null}
      {t('common.dateFormatHint')}
    </>
  );
  return (
    <TextField
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      id={props.id}
      hint={hint}
      error={props.error}
      required={props.required}
      disabled={props.disabled}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      width="narrow"
      onBlur={() => {
        const tidy = tidyDate(props.value);
        if (tidy !== props.value) props.onChange(tidy);
      }}
    />
  );
}

/** "08032026" or "8.3.2026" become "08.03.2026"; anything unreadable is left as typed for the error to point at. */
export function tidyDate(text: string): string {
  const digits = text.trim();
  if (/^\d{8}$/.test(digits)) {
    const iso = parseDisplayDate(`${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`);
    return iso ? toDisplayDate(iso) : text;
  }
  const iso = parseDisplayDate(digits);
  return iso ? toDisplayDate(iso) : text;
}
