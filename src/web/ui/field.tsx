import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Ids that tie a control to its label, hint and error, so screen readers read all three. */
export interface FieldIds {
  control: string;
  hint: string | undefined;
  error: string | undefined;
  describedBy: string | undefined;
}

export function useFieldIds(id: string | undefined, hint: ReactNode, error: string | undefined): FieldIds {
  const generated = useId();
  const control = id ?? `f${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const hintId = hint ? `${control}-hint` : undefined;
  const errorId = error ? `${control}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { control, hint: hintId, error: errorId, describedBy };
}

/** The visible "required" mark; the control's `required` attribute tells assistive technology. */
export function RequiredMark({ required }: { required: boolean | undefined }) {
  if (!required) return null;
  // Hidden from the accessible name: the control's `required` already says it, and "Family name *" is a worse label.
  return (
    <span className="required-mark" aria-hidden="true">
      *
    </span>
  );
}

/** A field's error text, with an icon-free "Error:" prefix so the meaning does not rest on colour. */
export function FieldErrorText({ id, error }: { id: string | undefined; error: string | undefined }) {
  const { t } = useTranslation();
  if (!error || !id) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">{t('common.errorPrefix')}</span>
      {error}
    </p>
  );
}

export function FieldHint({ id, hint }: { id: string | undefined; hint: ReactNode }) {
  if (!hint || !id) return null;
  return (
    <p className="field-hint" id={id}>
      {hint}
    </p>
  );
}
