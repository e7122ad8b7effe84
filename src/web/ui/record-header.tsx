import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { Button } from './button.tsx';
import { PageHeader } from './page-header.tsx';

export interface RecordHeaderProps {
  title: string;
  /** The browser tab's title, without a personal name. */
  documentTitle: string;
  /** The reference as a line under the heading, e.g. "Reference P-000123". */
  referenceLabel: string;
  archived: boolean;
  /** The list the record belongs to (the breadcrumb). */
  list: { to: string; label: string };
  /** Where the record is edited, when the user may edit it. */
  editTo?: string;
  /** Opens the archive dialog, when the user may archive the record. */
  onArchive?: () => void;
}

/**
 * The header of a registered record's page (a person, a household): its name,
 * reference and whether it is archived, the way back to its list and, while
 * it is not archived, the edit and archive actions the user may take.
 */
export function RecordHeader(props: RecordHeaderProps) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={props.title}
      documentTitle={props.documentTitle}
      subtitle={
        <>
          {props.referenceLabel}
          {props.archived && <span className="badge badge--warning">{t('common.archived')}</span>}
        </>
      }
      breadcrumbs={<Breadcrumbs items={[props.list]} />}
      actions={
        !props.archived && (
          <>
            {props.editTo !== undefined && (
              <Link to={props.editTo} className="button button--primary">
                {t('common.edit')}
              </Link>
            )}
            {props.onArchive && (
              <Button variant="danger" onClick={props.onArchive}>
                {t('common.archive')}
              </Button>
            )}
          </>
        )
      }
    />
  );
}
