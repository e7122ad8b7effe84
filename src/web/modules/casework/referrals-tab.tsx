import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { referralEventsFrom } from '../../../shared/casework/referral-state-machine.ts';
import { formatDate, formatNumber } from '../../../shared/i18n/format.ts';
import { api, isApiError } from '../../api/client.ts';
import { DATA_CATEGORIES, type DataCategory, type HouseholdMember } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { Details } from '../../ui/details.tsx';
import { LoadedList } from '../../ui/loaded-list.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { memberName, memberOptions, partnerOptions, useHousehold, usePartners } from '../cases/case-data.ts';
import { checkDate } from '../cases/case-model.ts';
import type { CaseTabProps } from '../cases/case-page.tsx';
import { EditButton, FormDialog, Section, todayText, useFormWithErrors, type FormField } from '../cases/case-ui.tsx';
import type { PartnerView, ReferralView } from './casework-types.ts';

const CLOSED = ['not_eligible', 'follow_up_closed'];
type Step = 'send' | 'answer' | 'complete' | 'revoke';

/**
 * Referrals of a family member to a partner organisation: drafted, sent
 * (only with the person's recorded consent, or a supervisor's override),
 * answered, completed with an outcome, or revoked.
 */
export function ReferralsTab({ detail }: CaseTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const c = detail.case;
  const list = useResource((signal) => api.get<{ items: ReferralView[] }>(`/api/cases/${c.id}/referrals`, { signal }), [c.id]);
  const household = useHousehold(c.householdId);
  const partners = usePartners();
  // A new draft (null editing), or a draft corrected before it is sent.
  const [drafting, setDrafting] = useState<{ editing: ReferralView | null } | null>(null);
  const [step, setStep] = useState<{ referral: ReferralView; step: Step } | null>(null);
  const mayWrite = can(user, 'casework.write') && !CLOSED.includes(c.status);
  const members = household.data?.members ?? [];
  const personName = (id: string) => {
    const m = members.find((x) => x.person.id === id);
    return m ? memberName(m, locale) : '';
  };
  const date = (d: string | null) => (d ? formatDate(locale, d) : '');
  const stepsOf = (r: ReferralView): Step[] => {
    // The shared state machine says which events a referral takes; the server's list must agree.
    const events = referralEventsFrom(r.status).filter((e) => r.events.includes(e));
    const steps: Step[] = [];
    if (events.includes('send')) steps.push('send');
    if (events.includes('accept') || events.includes('reject')) steps.push('answer');
    if (events.includes('complete')) steps.push('complete');
    if (events.includes('revoke')) steps.push('revoke');
    return steps;
  };
  const done = (message: string, kind?: 'error') => {
    setStep(null);
    list.reload();
    toast.show(message, kind);
  };

  return (
    <>
      <Section id="referrals" title={t('cases.referrals.title')} actions={mayWrite && <Button variant="primary" onClick={() => setDrafting({ editing: null })}>{t('cases.referrals.new')}</Button>}>
        <p className="muted">{t('cases.referrals.intro')}</p>
        <LoadedList resource={list} count={(list.data?.items ?? []).length} emptyText={t('cases.referrals.none')}>
          <ul className="entry-list">
            {(list.data?.items ?? []).map((r) => (
              <li key={r.id} className="entry referral" aria-labelledby={`referral-${r.id}`}>
                <h3 className="entry-title" id={`referral-${r.id}`}>
                  {t('cases.referrals.entryTitle', { partner: r.partnerName, person: personName(r.personId) })}
                  <span className={`badge ${r.status === 'completed' || r.status === 'accepted' ? 'badge--ok' : r.status === 'rejected' || r.status === 'revoked' ? 'badge--warning' : ''}`}>
                    {t(`cases.referralState.${r.status}`)}
                  </span>
                </h3>
                <Details
                  rows={[
                    [t('cases.referrals.partnerKind'), t(`cases.partnerKind.${r.partnerKind}`, { defaultValue: r.partnerKind })],
                    ...(r.reason !== undefined ? [[t('cases.referrals.reason'), r.reason] as const] : []),
                    ...((r.servicesRequested ?? []).length ? [[t('cases.referrals.services'), (r.servicesRequested ?? []).join('; ')] as const] : []),
                    [t('cases.referrals.dataShared'), r.dataCategories.map((x) => t(`consent.categories.${x}`, { defaultValue: x })).join(', ')],
                    ...(r.sentOn
                      ? [[t('cases.referrals.sentOn'), `${date(r.sentOn)}${r.consentOverridden ? ` — ${t('cases.referrals.overridden')}` : ''}`] as const]
                      : []),
                    ...(r.consentOverrideReason ? [[t('cases.referrals.overrideReason'), r.consentOverrideReason] as const] : []),
                    ...(r.waitingDays !== null ? [[t('cases.referrals.waiting'), t('cases.referrals.waitingDays', { count: r.waitingDays, days: formatNumber(locale, r.waitingDays) })] as const] : []),
                    ...(r.answeredOn ? [[t('cases.referrals.answeredOn'), `${date(r.answeredOn)}${r.answerNote ? ` — ${r.answerNote}` : ''}`] as const] : []),
                    ...(r.completedOn ? [[t('cases.referrals.completedOn'), date(r.completedOn)] as const] : []),
                    ...(r.outcomeNote ? [[t('cases.referrals.outcome'), r.outcomeNote] as const] : []),
                    ...(r.revokedOn ? [[t('cases.referrals.revokedOn'), `${date(r.revokedOn)}${r.revokeReason ? ` — ${r.revokeReason}` : ''}`] as const] : []),
                  ]}
                />
                {mayWrite && stepsOf(r).length > 0 && (
                  <div className="button-row">
                    {stepsOf(r).map((s) => (
                      <Button key={s} variant={s === 'revoke' ? 'secondary' : 'primary'} onClick={() => setStep({ referral: r, step: s })}>
                        {t(`cases.referrals.step.${s}`)}
                        <span className="visually-hidden"> — {r.partnerName}</span>
                      </Button>
                    ))}
                    {r.status === 'draft' && <EditButton context={r.partnerName} onClick={() => setDrafting({ editing: r })} />}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </LoadedList>
      </Section>

      {drafting && (
        <DraftReferralDialog
          caseId={c.id}
          editing={drafting.editing}
          members={members}
          partners={partners.data ?? []}
          onClose={() => setDrafting(null)}
          onDone={(message, kind) => {
            setDrafting(null);
            list.reload();
            toast.show(message, kind);
          }}
        />
      )}
      {step?.step === 'send' && (
        <SendDialog
          caseId={c.id}
          referral={step.referral}
          personName={personName(step.referral.personId)}
          onClose={() => setStep(null)}
          onDone={() => done(t('cases.referrals.sent'))}
          onConflict={() => done(t('common.changedMeanwhile'), 'error')}
        />
      )}
      {step && step.step !== 'send' && (
        <StepDialog caseId={c.id} referral={step.referral} step={step.step} onClose={() => setStep(null)} onDone={() => done(t(`cases.referrals.done.${step.step}`))} onConflict={() => done(t('common.changedMeanwhile'), 'error')} />
      )}
    </>
  );
}

const DEFAULT_CATEGORIES: DataCategory[] = ['identity', 'contact'];

/** Drafts a referral, or corrects a draft (`editing`) before it is sent, with the version it was read at. */
function DraftReferralDialog(props: { caseId: string; editing: ReferralView | null; members: HouseholdMember[]; partners: PartnerView[]; onClose: () => void; onDone: (message: string, kind?: 'error') => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { editing } = props;
  const [partnerId, setPartnerId] = useState(editing?.partnerId ?? '');
  const [personId, setPersonId] = useState(editing?.personId ?? '');
  const [reason, setReason] = useState(editing?.reason ?? '');
  const [services, setServices] = useState((editing?.servicesRequested ?? []).join('\n'));
  const [categories, setCategories] = useState<DataCategory[]>(editing ? (editing.dataCategories as DataCategory[]) : DEFAULT_CATEGORIES);
  const fields: FormField[] = [
    { key: 'partnerId', target: 'referral-partner', label: t('cases.referrals.partner') },
    { key: 'personId', target: 'referral-person', label: t('cases.referrals.person') },
    { key: 'reason', target: 'referral-reason', label: t('cases.referrals.reason') },
    { key: 'servicesRequested', target: 'referral-services', label: t('cases.referrals.services') },
    { key: 'dataCategories', target: 'referral-cat-identity', label: t('cases.referrals.dataShared') },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="referral-form"
      wide
      title={editing ? t('cases.referrals.edit') : t('cases.referrals.new')}
      submitLabel={editing ? t('common.saveChanges') : t('cases.referrals.saveDraft')}
      onClose={props.onClose}
      {...dialogProps}
      intro={editing ? undefined : <p>{t('cases.referrals.newIntro')}</p>}
      onSubmit={() =>
        form.run(
          () => ({
            ...(partnerId ? {} : { partnerId: t('fieldErrors.required') }),
            ...(personId ? {} : { personId: t('fieldErrors.required') }),
            ...(reason.trim() ? {} : { reason: t('fieldErrors.required') }),
            ...(categories.length ? {} : { dataCategories: t('consent.chooseCategory') }),
          }),
          async () => {
            const body = {
              partnerId,
              personId,
              reason: reason.trim(),
              servicesRequested: services.split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 10),
              dataCategories: categories,
            };
            if (editing) await api.patch(`/api/cases/${props.caseId}/referrals/${editing.id}`, { ...body, version: editing.version });
            else await api.post(`/api/cases/${props.caseId}/referrals`, body);
            props.onDone(editing ? t('cases.referrals.updated') : t('cases.referrals.drafted'));
          },
          () => props.onDone(t('common.changedMeanwhile'), 'error'),
        )
      }
    >
      <Select id="referral-partner" label={t('cases.referrals.partner')} hint={t('cases.referrals.partnerHint')} value={partnerId} required emptyLabel={t('common.choose')} options={partnerOptions(props.partners).map((o) => ({ ...o, label: `${o.label} — ${t(`cases.partnerKind.${props.partners.find((p) => p.id === o.value)?.kind ?? 'other'}`)}` }))} onChange={setPartnerId} error={byField['partnerId']} />
      <Select id="referral-person" label={t('cases.referrals.person')} value={personId} required emptyLabel={t('common.choose')} options={memberOptions(props.members, locale)} onChange={setPersonId} error={byField['personId']} />
      <TextField id="referral-reason" label={t('cases.referrals.reason')} value={reason} onChange={setReason} required multiline maxLength={2000} error={byField['reason']} />
      <TextField id="referral-services" label={t('cases.referrals.services')} hint={t('cases.referrals.servicesHint')} value={services} onChange={setServices} multiline maxLength={2000} error={byField['servicesRequested']} />
      <fieldset className={`field fieldset ${byField['dataCategories'] ? 'field--error' : ''}`}>
        <legend className="field-label">
          {t('cases.referrals.dataShared')}
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        </legend>
        <p className="field-hint">{t('cases.referrals.dataHint')}</p>
        {byField['dataCategories'] && <p className="field-error">{byField['dataCategories']}</p>}
        <div className="checkbox-grid">
          {DATA_CATEGORIES.map((cat) => (
            <Checkbox
              key={cat}
              id={`referral-cat-${cat}`}
              label={t(`consent.categories.${cat}`)}
              checked={categories.includes(cat)}
              onChange={(on) => setCategories((list) => (on ? [...list, cat] : list.filter((x) => x !== cat)))}
            />
          ))}
        </div>
      </fieldset>
    </FormDialog>
  );
}

/**
 * Sending a referral. Without the person's recorded consent the server
 * answers 409 consent_required: the dialog says so, links to the person's
 * page to record it, and lets a supervisor send anyway with a reason.
 */
function SendDialog(props: { caseId: string; referral: ReferralView; personName: string; onClose: () => void; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const [sentOn, setSentOn] = useState(todayText());
  const [override, setOverride] = useState('');
  const mayOverride = can(user, 'referral.override_consent');
  const [wantsOverride, setWantsOverride] = useState(false);
  const fields: FormField[] = [
    { key: 'sentOn', target: 'send-on', label: t('cases.referrals.sentOn'), date: true },
    ...(wantsOverride ? [{ key: 'overrideConsentReason', target: 'send-override', label: t('cases.referrals.overrideReason') }] : []),
  ];
  const explain = (e: unknown) => (isApiError(e) && e.code === 'consent_required' ? t('cases.referrals.consentRequired', { name: props.personName }) : undefined);
  const { form, byField, dialogProps } = useFormWithErrors(fields, explain);
  const needsConsent = isApiError(form.error) && form.error.code === 'consent_required';
  return (
    <FormDialog
      id="send-referral-form"
      title={t('cases.referrals.step.send')}
      submitLabel={wantsOverride ? t('cases.referrals.sendWithoutConsent') : t('cases.referrals.step.send')}
      danger={wantsOverride}
      onClose={props.onClose}
      {...dialogProps}
      intro={<p>{t('cases.referrals.sendIntro', { partner: props.referral.partnerName, name: props.personName })}</p>}
      onSubmit={() => {
        const d = checkDate(sentOn, { required: true });
        return form.run(
          () => ({
            ...(d.error ? { sentOn: t(`fieldErrors.${d.error}`) } : {}),
            ...(wantsOverride && !override.trim() ? { overrideConsentReason: t('fieldErrors.required') } : {}),
          }),
          async () => {
            await api.post(`/api/cases/${props.caseId}/referrals/${props.referral.id}/send`, {
              version: props.referral.version,
              sentOn: d.iso,
              ...(wantsOverride ? { overrideConsentReason: override.trim() } : {}),
            });
            props.onDone();
          },
          props.onConflict,
        );
      }}
    >
      {needsConsent && (
        <div className="notice notice--error consent-needed">
          <p>{t('cases.referrals.consentExplain')}</p>
          <p>
            <Link to={`/people/${props.referral.personId}`}>{t('cases.referrals.recordConsentLink', { name: props.personName })}</Link>
          </p>
          {mayOverride && !wantsOverride && (
            <p>
              <Button variant="link" onClick={() => setWantsOverride(true)}>
                {t('cases.referrals.overrideButton')}
              </Button>
            </p>
          )}
        </div>
      )}
      <DateField id="send-on" label={t('cases.referrals.sentOn')} value={sentOn} onChange={setSentOn} required error={byField['sentOn']} />
      {wantsOverride && (
        <TextField id="send-override" label={t('cases.referrals.overrideReason')} hint={t('cases.referrals.overrideHint')} value={override} onChange={setOverride} required multiline maxLength={1000} error={byField['overrideConsentReason']} />
      )}
    </FormDialog>
  );
}

/** The partner's answer, the outcome, or revoking: each with its date and its words. */
function StepDialog(props: { caseId: string; referral: ReferralView; step: Exclude<Step, 'send'>; onClose: () => void; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const r = props.referral;
  const [on, setOn] = useState(todayText());
  const [answer, setAnswer] = useState<'accepted' | 'rejected'>('accepted');
  const [text, setText] = useState('');
  const step = props.step;
  const dateKey = step === 'answer' ? 'answeredOn' : step === 'complete' ? 'completedOn' : 'revokedOn';
  const textKey = step === 'answer' ? 'note' : step === 'complete' ? 'outcomeNote' : 'reason';
  const textRequired = step !== 'answer' || answer === 'rejected';
  const fields: FormField[] = [
    ...(step === 'answer' ? [{ key: 'answer', target: 'step-answer-input', label: t('cases.referrals.answer') }] : []),
    { key: dateKey, target: 'step-on', label: t(`cases.referrals.stepDate.${step}`), date: true },
    { key: textKey, target: 'step-text', label: t(`cases.referrals.stepText.${step}`) },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="referral-step-form"
      title={t(`cases.referrals.step.${step}`)}
      submitLabel={t(`cases.referrals.step.${step}`)}
      danger={step === 'revoke'}
      onClose={props.onClose}
      {...dialogProps}
      intro={<p>{t('cases.referrals.stepIntro', { partner: r.partnerName })}</p>}
      onSubmit={() => {
        const d = checkDate(on, { required: true });
        return form.run(
          () => ({ ...(d.error ? { [dateKey]: t(`fieldErrors.${d.error}`) } : {}), ...(textRequired && !text.trim() ? { [textKey]: t('fieldErrors.required') } : {}) }),
          async () => {
            const path = `/api/cases/${props.caseId}/referrals/${r.id}/${step}`;
            const body =
              step === 'answer'
                ? { version: r.version, answer, answeredOn: d.iso, note: text.trim() || null }
                : step === 'complete'
                  ? { version: r.version, completedOn: d.iso, outcomeNote: text.trim() }
                  : { version: r.version, revokedOn: d.iso, reason: text.trim() };
            await api.post(path, body);
            props.onDone();
          },
          props.onConflict,
        );
      }}
    >
      {step === 'answer' && (
        <RadioGroup
          id="step-answer"
          legend={t('cases.referrals.answer')}
          value={answer}
          inline
          options={(['accepted', 'rejected'] as const).map((a) => ({ value: a, label: t(`cases.referralState.${a}`) }))}
          onChange={setAnswer}
          error={byField['answer']}
        />
      )}
      <DateField id="step-on" label={t(`cases.referrals.stepDate.${step}`)} value={on} onChange={setOn} required error={byField[dateKey]} />
      <TextField id="step-text" label={t(`cases.referrals.stepText.${step}`)} value={text} onChange={setText} required={textRequired} multiline rows={4} maxLength={step === 'complete' ? 4000 : 2000} error={byField[textKey]} />
    </FormDialog>
  );
}

