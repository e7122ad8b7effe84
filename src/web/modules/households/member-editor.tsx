import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format.ts';
import { RELATIONSHIPS, type PersonView } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { Select } from '../../ui/select.tsx';
import { personFieldLabel } from '../people/person-display.ts';
import { PersonForm, personFieldTarget } from '../people/person-form.tsx';
import { emptyPersonForm, personNames, type PersonFormField } from '../people/person-model.ts';
import { MEMBER_PERSON_FIELDS, type MemberDraft } from './household-model.ts';
import { PersonPicker } from './person-picker.tsx';

const MINI_FIELDS: ReadonlySet<PersonFormField> = new Set(MEMBER_PERSON_FIELDS);

/** Ids of a member row's controls, so errors (`members.2.person.givenName`) can link to them. */
export function memberFieldId(index: number, path: string): string {
  const prefix = `member-${index}-`;
  return path.startsWith('person.') ? personFieldTarget(prefix, path.slice('person.'.length) as PersonFormField) : `${prefix}${path}`;
}

/** The label of a member row's field, by its path: `relationship`, `person.givenName`. */
export function memberFieldLabel(t: TFunction, path: string): string {
  if (path.startsWith('person.')) return personFieldLabel(t, path.slice('person.'.length) as PersonFormField);
  if (path === 'isPrimaryCaregiver') return t('households.primaryCaregiver');
  return t('households.fields.relationship');
}

export interface MemberRowProps {
  index: number;
  member: MemberDraft;
  onChange: (member: MemberDraft) => void;
  onRemove?: () => void;
  /** Translated errors by path within the member: `relationship`, `person.givenName`. */
  errors: Record<string, string>;
}

/** One member: who (a registered person, or a new one typed here), their relationship, and caregiver flag. */
export function MemberRow({ index, member, onChange, onRemove, errors }: MemberRowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const personErrors: Partial<Record<PersonFormField, string>> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith('person.')) personErrors[k.slice(7) as PersonFormField] = v;
  const name =
    member.kind === 'existing'
      ? personNames(member.person, locale).primary || member.person.reference
      : [member.values.familyName, member.values.givenName].filter(Boolean).join(' ') || t('households.newPerson');

  return (
    <section className="member-row" aria-labelledby={headingId}>
      <div className="member-row-header">
        <h3 id={headingId}>{t('households.memberHeading', { number: index + 1, name })}</h3>
        {onRemove && (
          <Button variant="link" onClick={onRemove}>
            {t('households.removeMember')}
            <span className="visually-hidden"> {name}</span>
          </Button>
        )}
      </div>
      {member.kind === 'existing' ? (
        <p className="muted">
          {[member.person.reference, member.person.birthDate ? formatDate(locale, member.person.birthDate) : '', member.person.sex ? t(`sex.${member.person.sex}`) : '']
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : (
        <PersonForm
          mini
          values={member.values}
          onChange={(values) => onChange({ ...member, values })}
          errors={personErrors}
          visible={MINI_FIELDS}
          idPrefix={`member-${index}-`}
        />
      )}
      <div className="field-row">
        <Select
          id={memberFieldId(index, 'relationship')}
          label={t('households.fields.relationship')}
          value={member.relationship}
          required
          emptyLabel={t('common.choose')}
          options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationship.${r}`) }))}
          error={errors['relationship']}
          onChange={(relationship) => onChange({ ...member, relationship: relationship as MemberDraft['relationship'] })}
        />
        <Checkbox
          id={memberFieldId(index, 'isPrimaryCaregiver')}
          label={t('households.primaryCaregiver')}
          checked={member.isPrimaryCaregiver}
          onChange={(isPrimaryCaregiver) => onChange({ ...member, isPrimaryCaregiver })}
        />
      </div>
    </section>
  );
}

let nextKey = 1;
export const newMemberKey = (): string => `m${nextKey++}`;

export function newPersonMember(): MemberDraft {
  return { key: newMemberKey(), kind: 'new', values: emptyPersonForm(), relationship: '', isPrimaryCaregiver: false };
}

export function existingMember(person: PersonView): MemberDraft {
  return { key: newMemberKey(), kind: 'existing', person, relationship: '', isPrimaryCaregiver: false };
}

/** The two ways to add someone: type a new person, or find one already registered. */
export function AddMemberButtons({ onAdd, excludeIds, idPrefix }: { onAdd: (m: MemberDraft) => void; excludeIds: readonly string[]; idPrefix: string }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  return (
    <div className="add-member">
      <div className="form-actions">
        <Button onClick={() => onAdd(newPersonMember())}>{t('households.addNewPerson')}</Button>
        <Button onClick={() => setPicking((p) => !p)} aria-expanded={picking}>
          {t('households.addExistingPerson')}
        </Button>
      </div>
      {picking && (
        <PersonPicker
          idPrefix={idPrefix}
          excludeIds={excludeIds}
          onPick={(person) => {
            onAdd(existingMember(person));
            setPicking(false);
          }}
        />
      )}
    </div>
  );
}
