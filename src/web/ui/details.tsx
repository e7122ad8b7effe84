import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A definition list of label → value; empty values say "not recorded". */
export function Details({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div className="details-row" key={label}>
          <dt>{label}</dt>
          <dd>{value === '' || value === null || value === undefined ? <span className="muted">{t('common.notRecorded')}</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
