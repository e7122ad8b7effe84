import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/i18n/format.ts';
import { api, isApiError } from '../../api/client.ts';
import type { MergeResult, PersonDetail, PersonMergeHistoryItem, PersonView } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { useToast } from '../../ui/toast.tsx';
import { movedLines, personLabel, personWithReference, scriptLang } from './merge-model.ts';
import './duplicates.css';

/**
 * What the person page shows of merges: a banner on a record that was merged
 * into another, the records a person absorbed (with what moved, and undo),
 * and the "merged — undo" toast right after a merge.
 */

type UndoResult = Omit<MergeResult, 'moved'>;

function undoMerge(mergeId: string): Promise<UndoResult> {
  return api.post<UndoResult>(`/api/people/merges/${mergeId}/undo`, {});
}

/** Why an undo was refused, in words: a record changed since (409 version_conflict), or it was undone already (409 conflict). */
export function undoErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.code === 'version_conflict') return t('review.history.undoChanged');
  if (isApiError(error) && error.code === 'conflict') return t('review.history.undoAlready');
  return errorText(t, error);
}

/** Navigation state the merge screen hands to the survivor's page. */
export interface JustMerged {
  justMerged: { mergeId: string; survivorReference: string };
}

export function justMergedState(result: MergeResult): JustMerged {
  return { justMerged: { mergeId: result.mergeId, survivorReference: result.survivor.reference } };
}

// Once per merge, even if the page renders the state twice (development's double effects, back and forward).
const toastShown = new Set<string>();

/**
 * Right after a merge: a toast saying so, with an Undo button that stays
 * until used or closed. The state is then cleared from history, so reloading
 * the page does not offer the undo again (the "Merged records" section
 * still does).
 */
export function useJustMergedToast(onUndone: () => void): void {
  const { t } = useTranslation();
  const toast = useToast();
  const location = useLocation();
  const navigate = useNavigate();
  const merged = (location.state as Partial<JustMerged> | null)?.justMerged;
  const undone = useRef(onUndone);
  undone.current = onUndone;

  useEffect(() => {
    if (!merged || toastShown.has(merged.mergeId)) return;
    toastShown.add(merged.mergeId);
    toast.show(t('review.merge.done', { reference: merged.survivorReference }), 'success', {
      label: t('review.merge.undo'),
      run: () => {
        undoMerge(merged.mergeId).then(
          (result) => {
            toast.show(t('review.history.undone', { reference: result.merged.reference }));
            undone.current();
          },
          (e: unknown) => toast.show(undoErrorText(t, e), 'error'),
        );
      },
    });
    void navigate(location.pathname, { replace: true, state: null });
    // Keyed on the merge: the toast belongs to that one event.
  }, [merged?.mergeId]);
}

/** On a record that was merged into another: where its person lives on now. */
export function MergedIntoBanner({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const survivorId = person.mergedIntoId ?? '';
  const survivor = useResource((signal) => api.get<PersonDetail>(`/api/people/${survivorId}`, { signal }), [survivorId]);
  const s = survivor.data?.person;
  return (
    <div className="notice notice--info review-banner">
      <p>
        <strong>{t('review.banner.text', { date: formatDate(locale, person.archivedAt) })}</strong>
      </p>
      <p>
        <Link to={`/people/${survivorId}`}>
          {s ? t('review.banner.link', { name: personWithReference(s, locale) }) : t('review.banner.linkGeneric')}
        </Link>
      </p>
    </div>
  );
}

/** The records this person absorbed: when, by whom, what moved; undo for those who may merge. */
export function MergedRecords({ merges, canUndo, onUndone }: { merges: readonly PersonMergeHistoryItem[]; canUndo: boolean; onUndone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toast = useToast();
  const [undoing, setUndoing] = useState<PersonMergeHistoryItem | null>(null);

  return (
    <section className="card" aria-labelledby="person-merges">
      <h2 id="person-merges">{t('review.history.title')}</h2>
      <ul className="review-history">
        {merges.map((m) => {
          const lines = movedLines(m.moved);
          return (
            <li key={m.mergeId}>
              <p className="review-history-record">
                <Link to={`/people/${m.merged.id}`}>
                  <span lang={scriptLang(personLabel(m.merged, locale))}>{personWithReference(m.merged, locale)}</span>
                </Link>
              </p>
              <p className="muted">{t('review.history.when', { date: formatDateTime(locale, m.mergedAt), name: m.mergedBy.displayName })}</p>
              {lines.length === 0 ? (
                <p>{t('review.history.nothingMoved')}</p>
              ) : (
                <>
                  <p>{t('review.history.moved')}</p>
                  <ul className="plain-list">
                    {lines.map((l) => (
                      <li key={l.table}>{t('review.history.movedItem', { label: t(`review.history.tables.${l.table}`), count: formatNumber(locale, l.count) })}</li>
                    ))}
                  </ul>
                </>
              )}
              {canUndo && (
                <Button onClick={() => setUndoing(m)}>
                  {t('review.history.undo')}
                  <span className="visually-hidden"> — {m.merged.reference}</span>
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {undoing && (
        <UndoMergeDialog
          merge={undoing}
          onClose={() => setUndoing(null)}
          onDone={(result) => {
            setUndoing(null);
            toast.show(t('review.history.undone', { reference: result.merged.reference }));
            onUndone();
          }}
        />
      )}
    </section>
  );
}

function UndoMergeDialog({ merge, onClose, onDone }: { merge: PersonMergeHistoryItem; onClose: () => void; onDone: (result: UndoResult) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);

  async function confirm() {
    setAttempt((n) => n + 1);
    setBusy(true);
    setError(undefined);
    try {
      onDone(await undoMerge(merge.mergeId));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={t('review.history.undoTitle')}
      onClose={onClose}
      actions={
        <>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {t('review.history.undo')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <ErrorSummary message={error !== undefined ? undoErrorText(t, error) : undefined} items={[]} attempt={attempt} />
      <p>{t('review.history.undoText', { merged: personWithReference(merge.merged, locale) })}</p>
    </Dialog>
  );
}
