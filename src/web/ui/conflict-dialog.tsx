import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';
import { changeKind } from './conflict.ts';
import { Dialog } from './dialog.tsx';

export interface ConflictField {
  key: string;
  label: string;
  /** How a value is shown (a location id as its name, a date as dd.mm.yyyy). */
  format: (value: unknown) => string;
}

export interface ConflictDialogProps {
  open: boolean;
  fields: readonly ConflictField[];
  /** The record as the user opened it. */
  base: Record<string, unknown>;
  /** What the user tried to save. */
  mine: Record<string, unknown>;
  /** The record as it is now on the server (from the 409 response). */
  current: Record<string, unknown>;
  /** Drop the user's changes and continue from the current record. */
  onTakeCurrent: () => void;
  /** Continue from the current record with the user's own changes put back, to review and save again. */
  onReapply: () => void;
  onClose: () => void;
}

/**
 * Shown when someone else saved the record first. Both versions side by side;
 * rows that differ are marked in words as well as colour.
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const { t } = useTranslation();
  const rows = props.fields.map((f) => ({
    field: f,
    kind: changeKind(props.base[f.key], props.mine[f.key], props.current[f.key]),
    mine: f.format(props.mine[f.key]),
    current: f.format(props.current[f.key]),
  }));
  // What differs comes first; fields that agree are folded away but can be checked.
  const differing = rows.filter((r) => r.mine !== r.current);
  const same = rows.filter((r) => r.mine === r.current);
  const hasOwnChanges = rows.some((r) => r.kind === 'mine' || r.kind === 'both');

  return (
    <Dialog
      open={props.open}
      title={t('conflict.title')}
      onClose={props.onClose}
      wide
      actions={
        <>
          {hasOwnChanges && (
            <Button variant="primary" onClick={props.onReapply}>
              {t('conflict.reapply')}
            </Button>
          )}
          <Button variant={hasOwnChanges ? 'secondary' : 'primary'} onClick={props.onTakeCurrent}>
            {t('conflict.takeCurrent')}
          </Button>
        </>
      }
    >
      <p>{t('conflict.explanation')}</p>
      <p>{t('conflict.differences', { count: differing.length })}</p>
      <ConflictTable rows={differing} caption={t('conflict.caption')} />
      {same.length > 0 && (
        <details className="conflict-same">
          <summary>{t('conflict.showSame', { count: same.length })}</summary>
          <ConflictTable rows={same} caption={t('conflict.sameCaption')} />
        </details>
      )}
      <p className="field-hint">{hasOwnChanges ? t('conflict.reapplyHint') : t('conflict.takeCurrentHint')}</p>
    </Dialog>
  );
}

interface ConflictRow {
  field: ConflictField;
  kind: ReturnType<typeof changeKind>;
  mine: string;
  current: string;
}

function ConflictTable({ rows, caption }: { rows: readonly ConflictRow[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table conflict-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.yours')}</th>
            <th scope="col">{t('conflict.current')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const differs = r.mine !== r.current;
            return (
              <tr key={r.field.key} className={differs ? 'conflict-row--changed' : undefined}>
                <th scope="row" data-label={t('conflict.field')}>
                  {r.field.label}
                  {differs && <span className="badge badge--warning">{t(`conflict.kind.${r.kind === 'same' ? 'theirs' : r.kind}`)}</span>}
                </th>
                <td data-label={t('conflict.yours')}>{r.mine || <span className="muted">{t('common.empty')}</span>}</td>
                <td data-label={t('conflict.current')}>{r.current || <span className="muted">{t('common.empty')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
