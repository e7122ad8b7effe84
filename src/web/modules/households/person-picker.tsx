import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import type { Page, PersonView } from '../../api/types.ts';
import { useDebounced, useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { errorText } from '../../ui/errors.ts';
import { TextField } from '../../ui/text-field.tsx';
import { personNames } from '../people/person-model.ts';

export interface PersonPickerProps {
  /** People already chosen, left out of the results. */
  excludeIds: readonly string[];
  onPick: (person: PersonView) => void;
  idPrefix: string;
}

/**
 * Find a registered person to add: type a name in any script, a reference or
 * a PINFL; each result is a button. Results are announced as they change.
 */
export function PersonPicker({ excludeIds, onPick, idPrefix }: PersonPickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const result = useResource(
    query.length >= 2 ? (signal) => api.post<Page<PersonView>>('/api/people/search', { q: query, page: 1, pageSize: 8, sort: 'relevance' }, { signal }) : null,
    [query],
  );
  const items = (result.data?.items ?? []).filter((p) => !excludeIds.includes(p.id));
  const searching = query.length >= 2;

  return (
    <div className="person-picker">
      <TextField id={`${idPrefix}search`} type="search" label={t('households.findPerson')} hint={t('people.searchHint')} value={q} onChange={setQ} autoComplete="off" spellCheck={false} maxLength={100} />
      <p className="visually-hidden" role="status">
        {searching && !result.loading && result.data ? t('households.resultsCount', { count: items.length }) : ''}
      </p>
      {result.error !== undefined && <p className="field-error">{errorText(t, result.error)}</p>}
      {searching && result.data && items.length === 0 && <p className="muted">{t('people.noMatches')}</p>}
      {items.length > 0 && (
        <ul className="picker-results" aria-label={t('households.results')}>
          {items.map((p) => {
            const names = personNames(p, locale);
            const facts = [p.reference, p.birthDate ? formatDate(locale, p.birthDate) : '', p.sex ? t(`sex.${p.sex}`) : ''].filter(Boolean).join(' · ');
            return (
              <li key={p.id}>
                <button type="button" className="picker-result" onClick={() => onPick(p)}>
                  <span className="picker-name">{names.primary || p.reference}</span>
                  <span className="picker-facts">{facts}</span>
                  <span className="visually-hidden"> — {t('households.choose')}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
