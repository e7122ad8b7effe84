import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useDebounced, useResource } from '../api/use-resource.ts';
import { useLocale } from '../i18n/i18n.ts';
import { personNames } from '../modules/people/person-names.ts';
import { errorText } from '../ui/errors.ts';
import {
  birthYear, flatOptions, moveActive, SEARCH_LIMIT, searchableQuery, searchGroups, type GlobalSearchResult, type SearchOption,
} from './global-search-model.ts';

const BOX_ID = 'global-search';
const TOGGLE_ID = 'global-search-toggle';
const INPUT_ID = 'global-search-input';
const LISTBOX_ID = 'global-search-listbox';
const HINT_ID = 'global-search-hint';

/** Below 60rem the box folds behind this button, beside the menu button. */
export function GlobalSearchToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" id={TOGGLE_ID} className="search-toggle" aria-expanded={open} aria-controls={BOX_ID} onClick={onToggle}>
      <span className="search-icon" aria-hidden="true" />
      {t('search.open')}
    </button>
  );
}

/** Whether the box is folded behind its button (narrow screens), read from the layout rather than guessed. */
const folded = () => document.getElementById(TOGGLE_ID)?.offsetParent != null;

/**
 * The search box of the app shell: a WAI-ARIA 1.2 combobox whose listbox
 * groups people, households and family cases. It asks the server as the
 * user types (POST, so names never reach a URL or a log of addresses), from
 * the second character, 250 ms after typing stops; a newer question aborts
 * the older one. Arrow keys move through the hits, Enter opens one, Escape
 * closes the list, then empties the box.
 */
export function GlobalSearch({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [listOpen, setListOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = searchableQuery(text);
  const q = useDebounced(typed, 250);
  const result = useResource(q ? (signal) => api.post<GlobalSearchResult>('/api/search', { q, limit: SEARCH_LIMIT }, { signal }) : null, [q]);
  const showing = typed !== null && q !== null;
  const groups = showing && result.error === undefined ? searchGroups(result.data) : [];
  const options = flatOptions(groups);
  const settled = showing && q === typed && !result.loading;
  const popupShown = listOpen && showing;
  const expanded = popupShown && options.length > 0;
  const activeOption = expanded && active >= 0 ? options[active] : undefined;

  // A new answer is a new list: no option stays active from the old one.
  useEffect(() => setActive(-1), [result.data]);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  useEffect(() => {
    if (activeOption) document.getElementById(activeOption.domId)?.scrollIntoView({ block: 'nearest' });
  }, [activeOption]);

  function closeBox() {
    setListOpen(false);
    onClose();
    document.getElementById(TOGGLE_ID)?.focus();
  }

  function go(option: SearchOption) {
    setText('');
    setListOpen(false);
    setActive(-1);
    onClose();
    void navigate(option.href);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!listOpen) setListOpen(true);
        // Alt+Down only opens the list, as the pattern has it.
        if (!(e.altKey && e.key === 'ArrowDown')) setActive((a) => moveActive(listOpen ? a : -1, options.length, e.key as 'ArrowDown' | 'ArrowUp'));
        break;
      }
      case 'Enter':
        if (activeOption) {
          e.preventDefault();
          go(activeOption);
        }
        break;
      case 'Escape':
        e.preventDefault();
        if (popupShown) setListOpen(false);
        else if (text) setText('');
        else if (folded()) closeBox();
        break;
      case 'Tab':
        setListOpen(false);
        break;
    }
  }

  let status = '';
  if (settled && result.error === undefined) status = options.length ? t('search.resultCount', { count: options.length }) : t('search.noResults');
  else if (settled) status = errorText(t, result.error);

  let message = '';
  if (result.error !== undefined && showing) message = errorText(t, result.error);
  else if (settled && options.length === 0) message = t('search.noResults');
  else if (options.length === 0) message = t('search.searching');

  return (
    <div id={BOX_ID} className={`global-search ${open ? 'global-search--open' : ''}`} role="search" aria-label={t('search.region')}>
      <label className="visually-hidden" htmlFor={INPUT_ID}>
        {t('search.label')}
      </label>
      <div className="global-search-field">
        <span className="search-icon global-search-icon" aria-hidden="true" />
        <input
          ref={inputRef}
          id={INPUT_ID}
          className="input global-search-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={expanded ? LISTBOX_ID : undefined}
          aria-activedescendant={activeOption?.domId}
          aria-describedby={HINT_ID}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          maxLength={100}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setListOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setListOpen(false)}
        />
        <button type="button" className="global-search-close" onClick={closeBox}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t('search.close')}</span>
        </button>
      </div>
      <p id={HINT_ID} className="visually-hidden">
        {t('search.hint')}
      </p>
      <p className="visually-hidden" role="status">
        {popupShown || settled ? status : ''}
      </p>
      {popupShown && (
        // Presses on the list must not take focus from the box: the box keeps the keyboard.
        <div className="search-popup" onMouseDown={(e) => e.preventDefault()}>
          {expanded ? (
            <div role="listbox" id={LISTBOX_ID} aria-label={t('search.results')}>
              {groups.map((g) => (
                <ul key={g.kind} role="group" className="search-group" aria-labelledby={`${LISTBOX_ID}-${g.kind}`}>
                  <li role="presentation" id={`${LISTBOX_ID}-${g.kind}`} className="search-group-heading">
                    {t(`search.groups.${g.kind}`)}
                  </li>
                  {g.options.map((o) => (
                    <li
                      key={o.domId}
                      id={o.domId}
                      role="option"
                      aria-selected={o === activeOption}
                      className={`search-option ${o === activeOption ? 'search-option--active' : ''}`}
                      onClick={() => go(o)}
                    >
                      <OptionText option={o} locale={locale} />
                    </li>
                  ))}
                </ul>
              ))}
            </div>
          ) : (
            <p className="search-popup-message">{message}</p>
          )}
        </div>
      )}
    </div>
  );
}

function OptionText({ option, locale }: { option: SearchOption; locale: ReturnType<typeof useLocale> }) {
  const { t } = useTranslation();
  let title: string;
  let meta: string[];
  switch (option.kind) {
    case 'people': {
      const p = option.person;
      const names = personNames(p, locale);
      const year = birthYear(p);
      title = names.primary || p.reference;
      meta = [names.secondary, names.primary ? p.reference : '', year ? t('search.born', { year }) : p.ageBand ? t('people.ageBand', { band: p.ageBand }) : ''];
      break;
    }
    case 'households': {
      const h = option.household;
      title = h.displayName || h.reference;
      meta = [h.displayName ? h.reference : '', h.memberCount !== undefined ? t('search.members', { count: h.memberCount }) : ''];
      break;
    }
    case 'cases': {
      const c = option.hit;
      title = c.caseNumber;
      meta = [c.householdName ?? c.householdReference, t(`cases.status.${c.status}`)];
      break;
    }
  }
  return (
    <>
      <span className="search-option-title">{title}</span>
      <span className="search-option-meta">{meta.filter(Boolean).join(' · ')}</span>
    </>
  );
}
