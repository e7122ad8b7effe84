import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format.ts';
import type { DuplicateCandidate } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { personNames } from './person-model.ts';

export interface DuplicateCandidatesProps {
  candidates: readonly DuplicateCandidate[];
  busy: boolean;
  /** Save anyway, with the reason (audited) and the candidates the user looked at. */
  onOverride: (reason: string, candidateIds: string[]) => void;
}

/**
 * Shown when the server thinks the person may already be registered: who
 * they may be, why (same birth date, similar name…), and a way to register
 * them anyway with a reason. Each candidate opens in a new tab so the form
 * typed so far is not lost.
 */
export function DuplicateCandidates({ candidates, busy, onOverride }: DuplicateCandidatesProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  return (
    <section className="card duplicates" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('duplicates.title', { count: candidates.length })}</h2>
      <p>{t('duplicates.text')}</p>
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
              <span className="cell-secondary">{facts}</span>
              {c.reasons.length > 0 && (
                <ul className="duplicate-reasons">
                  {c.reasons.map((r) => (
                    <li key={r.code}>
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
      <TextField
        id="duplicate-reason"
        label={t('duplicates.reason')}
        hint={t('duplicates.reasonHint')}
        value={reason}
        onChange={setReason}
        multiline
        maxLength={500}
        error={error}
      />
      <Button
        busy={busy}
        onClick={() => {
          if (!reason.trim()) {
            setError(t('fieldErrors.required'));
            return;
          }
          setError(undefined);
          onOverride(
            reason.trim(),
            candidates.map((c) => c.person.id),
          );
        }}
      >
        {t('duplicates.registerAnyway')}
      </Button>
    </section>
  );
}
