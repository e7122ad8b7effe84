import { sql, type Kysely } from 'kysely';
import { CHILD_STATUS_INDEX_V1, HOUSEHOLD_SELF_RELIANCE_V1 } from './0004-casework-instruments.ts';

/**
 * Family strengthening, the casework content on top of `family_case`
 * (0003): versioned assessment instruments and assessments, the family
 * development plan (goals, actions, reviews), service deliveries and
 * one-time assistance, the directory of partner organisations, referrals to
 * them, and interagency mahalla teams with their meetings.
 *
 * Every case-owned table repeats `organisation_id` (as 0003 does), so a row is
 * never read across organisations even by a query that forgets its case.
 * Money is `numeric` in Uzbek soʻm; no figure is stored, reports compute them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Instruments: one row per published version. organisation_id NULL is a
    -- built-in version every organisation sees; an organisation's own versions
    -- are its alone. A version is never edited: publish the next one.
    CREATE TABLE assessment_instrument (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid REFERENCES organisation(id),
      code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,47}$'),
      version integer NOT NULL CHECK (version >= 1),
      kind text NOT NULL CHECK (kind IN ('child', 'household')),
      definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
      active boolean NOT NULL DEFAULT true,
      published_by uuid REFERENCES app_user(id),
      published_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX assessment_instrument_version_key
      ON assessment_instrument (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), code, version);
    -- Seeded below: a restore replaces these rows rather than requiring the table empty (see db/backup.ts).
    COMMENT ON TABLE assessment_instrument IS 'oila:reference-data';

    CREATE TABLE assessment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      -- The case episode it belongs to: a reopened case is assessed afresh.
      episode integer NOT NULL CHECK (episode >= 1),
      -- The child assessed; NULL for a household instrument.
      person_id uuid REFERENCES person(id),
      -- The exact version the answers were given for, forever.
      instrument_id uuid NOT NULL REFERENCES assessment_instrument(id),
      assessed_on date NOT NULL,
      assessor_id uuid NOT NULL REFERENCES app_user(id),
      answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
      factor_notes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(factor_notes) = 'object'),
      domain_scores jsonb NOT NULL CHECK (jsonb_typeof(domain_scores) = 'object'),
      overall_score numeric(4, 2),
      summary text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX assessment_case_idx ON assessment (case_id, assessed_on);
    CREATE INDEX assessment_person_idx ON assessment (person_id) WHERE person_id IS NOT NULL;

    CREATE TABLE partner_organisation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      kind text NOT NULL CHECK (kind IN (
        'government_body', 'ngo', 'school', 'polyclinic', 'mahalla', 'womens_committee', 'police_prevention_inspector', 'other')),
      name text NOT NULL,
      district_id uuid REFERENCES location(id),
      address text,
      phone text CHECK (phone ~ '^\\+998[0-9]{9}$'),
      email text,
      -- People to talk to: [{ name, position, phone, email }].
      contacts jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(contacts) = 'array'),
      notes text,
      archived_at timestamptz,
      archive_reason text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX partner_organisation_org_idx ON partner_organisation (organisation_id, kind, name);

    -- The family development plan, one per case episode. Its approval is the
    -- case core's approval request (case_approval, subject 'plan'); the plan
    -- remembers which request and which content revision it was.
    CREATE TABLE family_plan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      episode integer NOT NULL CHECK (episode >= 1),
      -- Counts changes to goals and actions: an approval covers one revision.
      content_revision integer NOT NULL DEFAULT 1,
      approval_id uuid REFERENCES case_approval(id),
      submitted_revision integer,
      CHECK ((approval_id IS NULL) = (submitted_revision IS NULL)),
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (case_id, episode)
    );

    CREATE TABLE plan_goal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      plan_id uuid NOT NULL REFERENCES family_plan(id) ON DELETE CASCADE,
      position integer NOT NULL,
      instrument_code text NOT NULL,
      domain_code text NOT NULL,
      text text NOT NULL
    );
    CREATE INDEX plan_goal_plan_idx ON plan_goal (plan_id, position);

    CREATE TABLE plan_action (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      plan_id uuid NOT NULL REFERENCES family_plan(id) ON DELETE CASCADE,
      goal_id uuid NOT NULL REFERENCES plan_goal(id) ON DELETE CASCADE,
      position integer NOT NULL,
      text text NOT NULL,
      responsible_kind text NOT NULL CHECK (responsible_kind IN ('name', 'user', 'partner')),
      responsible_name text,
      responsible_user_id uuid REFERENCES app_user(id),
      responsible_partner_id uuid REFERENCES partner_organisation(id),
      CHECK (
        (responsible_kind = 'name' AND responsible_name IS NOT NULL AND responsible_user_id IS NULL AND responsible_partner_id IS NULL)
        OR (responsible_kind = 'user' AND responsible_user_id IS NOT NULL AND responsible_partner_id IS NULL)
        OR (responsible_kind = 'partner' AND responsible_partner_id IS NOT NULL AND responsible_user_id IS NULL)),
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
      completed_on date,
      CHECK ((status = 'done') = (completed_on IS NOT NULL))
    );
    CREATE INDEX plan_action_plan_idx ON plan_action (plan_id, position);
    CREATE INDEX plan_action_due_idx ON plan_action (organisation_id, due_on) WHERE status IN ('planned', 'in_progress');

    CREATE TABLE plan_review (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      plan_id uuid NOT NULL REFERENCES family_plan(id) ON DELETE CASCADE,
      reviewed_on date NOT NULL,
      summary text NOT NULL,
      -- Progress per goal, with the goal's text as it was: [{ goalId, goalText, progress, note }].
      goal_progress jsonb NOT NULL CHECK (jsonb_typeof(goal_progress) = 'array'),
      reviewed_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX plan_review_plan_idx ON plan_review (plan_id, reviewed_on);

    CREATE TABLE service_delivery (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      service_type text NOT NULL CHECK (service_type IN (
        'educational', 'medical', 'psychological', 'social', 'legal', 'parenting_skills',
        'economic_vocational_training', 'economic_job_placement', 'economic_small_business', 'day_care')),
      provider_kind text NOT NULL CHECK (provider_kind IN ('internal', 'external')),
      partner_id uuid REFERENCES partner_organisation(id),
      provider_name text,
      CHECK (provider_kind = 'external' OR (partner_id IS NULL AND provider_name IS NULL)),
      CHECK (provider_kind = 'internal' OR partner_id IS NOT NULL OR provider_name IS NOT NULL),
      delivered_on date NOT NULL,
      units numeric(10, 2) NOT NULL CHECK (units > 0),
      unit text NOT NULL CHECK (unit IN ('session', 'hour', 'day', 'course', 'item')),
      cost_uzs numeric(16, 2) CHECK (cost_uzs >= 0),
      project_code text,
      -- Deliveries entered together for one group session share this id.
      group_session_id uuid,
      session_title text,
      notes text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX service_delivery_case_idx ON service_delivery (case_id, delivered_on);
    CREATE INDEX service_delivery_org_idx ON service_delivery (organisation_id, delivered_on);
    CREATE INDEX service_delivery_session_idx ON service_delivery (group_session_id) WHERE group_session_id IS NOT NULL;

    CREATE TABLE service_delivery_person (
      delivery_id uuid NOT NULL REFERENCES service_delivery(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES person(id),
      PRIMARY KEY (delivery_id, person_id)
    );
    CREATE INDEX service_delivery_person_person_idx ON service_delivery_person (person_id);

    CREATE TABLE one_time_assistance (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      kind text NOT NULL CHECK (kind IN ('cash', 'in_kind')),
      item text,
      CHECK (kind = 'cash' OR item IS NOT NULL),
      value_uzs numeric(16, 2) NOT NULL CHECK (value_uzs >= 0),
      project_code text,
      given_on date NOT NULL,
      person_id uuid REFERENCES person(id),
      notes text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX one_time_assistance_case_idx ON one_time_assistance (case_id, given_on);
    CREATE INDEX one_time_assistance_org_idx ON one_time_assistance (organisation_id, given_on);

    CREATE TABLE referral (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      partner_id uuid NOT NULL REFERENCES partner_organisation(id),
      -- The household member the referral is about; their consent is needed to send it.
      person_id uuid NOT NULL REFERENCES person(id),
      reason text NOT NULL,
      services_requested text[] NOT NULL DEFAULT '{}',
      -- What is shared with the partner; the consent must cover all of it.
      data_categories text[] NOT NULL CHECK (cardinality(data_categories) >= 1),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'completed', 'revoked')),
      sent_on date,
      consent_id uuid REFERENCES consent(id),
      consent_override_reason text,
      consent_override_by uuid REFERENCES app_user(id),
      -- Never sent without a consent or a supervisor's recorded override.
      CHECK (sent_on IS NULL OR consent_id IS NOT NULL OR (consent_override_reason IS NOT NULL AND consent_override_by IS NOT NULL)),
      CHECK (status IN ('draft', 'revoked') OR sent_on IS NOT NULL),
      answered_on date,
      answer_note text,
      CHECK (status NOT IN ('accepted', 'rejected', 'completed') OR answered_on IS NOT NULL),
      completed_on date,
      outcome_note text,
      CHECK ((status = 'completed') = (completed_on IS NOT NULL)),
      revoked_on date,
      revoke_reason text,
      CHECK ((status = 'revoked') = (revoked_on IS NOT NULL)),
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX referral_case_idx ON referral (case_id, created_at);
    CREATE INDEX referral_partner_idx ON referral (partner_id);
    CREATE INDEX referral_waiting_idx ON referral (organisation_id, sent_on) WHERE status = 'sent';

    -- Interagency mahalla teams (the team table is 0001's): members from
    -- partner organisations, some of them Oila users with the partner role.
    CREATE TABLE team_member (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      team_id uuid NOT NULL REFERENCES team(id),
      partner_id uuid REFERENCES partner_organisation(id),
      user_id uuid REFERENCES app_user(id),
      name text NOT NULL,
      position text,
      phone text CHECK (phone ~ '^\\+998[0-9]{9}$'),
      email text,
      joined_on date NOT NULL,
      left_on date,
      CHECK (left_on IS NULL OR left_on >= joined_on),
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX team_member_team_idx ON team_member (team_id);
    CREATE UNIQUE INDEX team_member_user_key ON team_member (team_id, user_id) WHERE user_id IS NOT NULL AND left_on IS NULL;

    -- A meeting carries its team's scope columns, so the reach rules apply to it as to a case.
    CREATE TABLE team_meeting (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      branch_id uuid NOT NULL REFERENCES branch(id),
      team_id uuid NOT NULL REFERENCES team(id),
      kind text NOT NULL CHECK (kind IN ('team_meeting', 'case_conference')),
      held_on date NOT NULL,
      place text NOT NULL,
      summary text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX team_meeting_team_idx ON team_meeting (team_id, held_on DESC);

    CREATE TABLE team_meeting_attendee (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES team_meeting(id) ON DELETE CASCADE,
      member_id uuid REFERENCES team_member(id),
      name text NOT NULL,
      organisation_name text,
      position integer NOT NULL
    );
    CREATE INDEX team_meeting_attendee_meeting_idx ON team_meeting_attendee (meeting_id);

    CREATE TABLE team_meeting_case (
      meeting_id uuid NOT NULL REFERENCES team_meeting(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES family_case(id),
      decision text NOT NULL,
      position integer NOT NULL,
      PRIMARY KEY (meeting_id, case_id)
    );
    CREATE INDEX team_meeting_case_case_idx ON team_meeting_case (case_id);

    CREATE TABLE team_meeting_task (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      meeting_id uuid NOT NULL REFERENCES team_meeting(id) ON DELETE CASCADE,
      case_id uuid REFERENCES family_case(id),
      text text NOT NULL,
      responsible_member_id uuid REFERENCES team_member(id),
      responsible_name text NOT NULL,
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      done_on date,
      CHECK ((status = 'done') = (done_on IS NOT NULL)),
      position integer NOT NULL
    );
    CREATE INDEX team_meeting_task_meeting_idx ON team_meeting_task (meeting_id);
    CREATE INDEX team_meeting_task_due_idx ON team_meeting_task (organisation_id, due_on) WHERE status = 'open';
  `.execute(db);

  await sql`
    INSERT INTO assessment_instrument (organisation_id, code, version, kind, definition)
    VALUES (NULL, 'child_status_index', 1, 'child', ${JSON.stringify(CHILD_STATUS_INDEX_V1)}::jsonb),
           (NULL, 'household_self_reliance', 1, 'household', ${JSON.stringify(HOUSEHOLD_SELF_RELIANCE_V1)}::jsonb)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE team_meeting_task, team_meeting_case, team_meeting_attendee, team_meeting, team_member,
      referral, one_time_assistance, service_delivery_person, service_delivery,
      plan_review, plan_action, plan_goal, family_plan, partner_organisation, assessment, assessment_instrument;
  `.execute(db);
}
