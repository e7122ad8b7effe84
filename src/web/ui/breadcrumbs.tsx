import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The path above a page, e.g. People › Nilufar Kamalova. */
export function Breadcrumbs({ items }: { items: readonly { to: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('common.breadcrumbs')} className="breadcrumbs">
      <ol>
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to}>{i.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
