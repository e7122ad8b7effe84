import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format.ts';
import type { DuplicateCandidate } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { TextField } from '../../ui/text-field.tsx';
import { personNames } from './person-model.ts';
import { needsDuplicateReason } from './use-duplicate-check.ts';

export interface DuplicateReasonField {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

export interface DuplicateCandidatesProps {
  candidates: readonly DuplicateCandidate[];
  /** Makes the panel's ids unique when a page has several (one per new household member). */
  idPrefix?: string;
  headingLevel?: 2 | 3;
  /**
   * `register`: a new person, whom the server refuses to save over a likely
   * duplicate without a reason (asked for here). `edit`: an existing
   * person, where the panel only informs.
   */
  mode?: 'register' | 'edit';
  /** The reason field, shown when a candidate is likely and the mode is `register`. */
  reason?: DuplicateReasonField;
}

/** The id of a panel's reason field, for the error summary's link. */
export function duplicateReasonId(idPrefix = 'duplicates-'): string {
  return `${idPrefix}reason`;
}

/**
 * Registered people who may be the person on the form: who they are, why
 * they may be the same (each agreeing or differing field a list item), and,
 * when one is likely, the reason a worker registers them anyway. Each
 * candidate opens in a new tab so the form typed so far is not lost.
 */
export function DuplicateCandidates({ candidates, idPrefix = 'duplicates-', headingLevel = 2, mode = 'register', reason }: DuplicateCandidatesProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `${idPrefix}title`;
  const askReason = mode === 'register' && reason !== undefined && needsDuplicateReason(candidates);

  return (
    <section className="card duplicates" aria-labelledby={titleId}>
      <Heading id={titleId} className="duplicates-title">
        {t('duplicates.title', { count: candidates.length })}
      </Heading>
      <p>{mode === 'edit' ? t('duplicates.editText') : t('duplicates.text')}</p>
      <ul className="duplicate-list">
        {candidates.map((c) => {
          const names = personNames(c.person, locale);
          const facts = [c.person.reference, c.person.birthDate ? formatDate(locale, c.person.birthDate) : '', c.person.sex ? t(`sex.${c.person.sex}`) : '']
            .filter(Boolean)
            .join(' · ');
          return (
            <li key={c.person.id} className="duplicate-item">
              <a href={`/people/${c.person.id}`} target="_blank" rel="noopener">
                {names.primary || c.person.reference}
                <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
              </a>{' '}
              <span className={`badge ${c.band === 'likely' ? 'badge--warning' : ''}`}>{t(`duplicates.band.${c.band}`)}</span>
              {names.secondary && <span className="cell-secondary">{names.secondary}</span>}
              <span className="cell-secondary">{facts}</span>
              {c.reasons.length > 0 && (
                <ul className="duplicate-reasons" aria-label={t('duplicates.reasonsLabel')}>
                  {c.reasons.map((r) => (
                    <li key={r.code} className={`duplicate-reason duplicate-reason--${r.effect}`}>
                      <span aria-hidden="true">{r.effect === 'agree' ? '= ' : '≠ '}</span>
                      {t(`duplicates.reasons.${r.code}`, { defaultValue: r.code })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {askReason && (
        <>
          <p>{t('duplicates.reasonNeeded')}</p>
          <TextField
            id={duplicateReasonId(idPrefix)}
            label={t('duplicates.reason')}
            hint={t('duplicates.reasonHint')}
            value={reason.value}
            onChange={reason.onChange}
            multiline
            required
            maxLength={500}
            error={reason.error}
          />
        </>
      )}
    </section>
  );
}

/**
 * Says how many candidates the check found, politely, as they arrive: the
 * count only, never a name. Always rendered, so screen readers hear the
 * change; says "none any more" only after having said "some".
 */
export function DuplicatesAnnouncer({ count }: { count: number }) {
  const { t } = useTranslation();
  const hadSome = useRef(false);
  const [text, setText] = useState('');
  useEffect(() => {
    if (count > 0) {
      hadSome.current = true;
      setText(t('duplicates.liveFound', { count }));
    } else if (hadSome.current) {
      hadSome.current = false;
      setText(t('duplicates.liveNone'));
    }
  }, [count, t]);
  return (
    <p className="visually-hidden" role="status">
      {text}
    </p>
  );
}
