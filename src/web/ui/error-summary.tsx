import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** Id of the control to move to. */
  target: string;
  message: string;
  /** The field's label, so the list says which field each message is about. */
  label?: string;
}

export interface ErrorSummaryProps {
  /** A message for the whole form (e.g. a failed save), shown above the list. */
  message?: string | undefined;
  items: readonly SummaryItem[];
  /** Changes each time the form is submitted, so focus moves here on every failed attempt. */
  attempt?: number;
}

/**
 * The list of problems at the top of a form, announced and focused after a
 * failed submit; each item links to its field.
 */
export function ErrorSummary({ message, items, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const show = Boolean(message) || items.length > 0;

  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, attempt]);

  if (!show) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 className="error-summary-title" id={titleId}>
        {t('common.errorSummaryTitle')}
      </h2>
      {message && <p>{message}</p>}
      {items.length > 0 && (
        <ul className="error-summary-list">
          {items.map((item) => (
            <li key={`${item.target}:${item.message}`}>
              <a
                href={`#${item.target}`}
                onClick={(e) => {
                  const el = document.getElementById(item.target);
                  if (el) {
                    e.preventDefault();
                    el.focus();
                    el.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {item.label ? t('common.summaryItem', { field: item.label, message: item.message }) : item.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
