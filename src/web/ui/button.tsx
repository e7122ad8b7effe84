import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  type?: 'button' | 'submit';
  /** While true the button is disabled and says it is working. */
  busy?: boolean;
  children: ReactNode;
}

export function Button({ variant = 'secondary', type = 'button', busy = false, children, className, disabled, ...rest }: ButtonProps) {
  const { t } = useTranslation();
  return (
    <button
      {...rest}
      type={type}
      className={`button button--${variant} ${className ?? ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {children}
      {busy && <span className="visually-hidden"> {t('common.working')}</span>}
    </button>
  );
}
