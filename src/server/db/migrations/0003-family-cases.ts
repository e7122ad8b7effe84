import { sql, type Kysely } from 'kysely';

/**
 * Family strengthening, the case core: a family case for a household with its
 * lifecycle (status history), risk reviews and the per-organisation review
 * policy, supervisor approvals (plan, closure), home visits, typed case notes
 * and attachments. The casework content (assessments, plans, services,
 * referrals…) builds on `family_case` in a later migration.
 *
 * Every case-owned table repeats `organisation_id`, so a row is never read
 * across organisations even by a query that forgets to join its case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE SEQUENCE family_case_number_seq;

    CREATE TABLE family_case (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_number text NOT NULL UNIQUE
        DEFAULT ('FS-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('family_case_number_seq')::text, 6, '0')),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      branch_id uuid NOT NULL REFERENCES branch(id),
      assigned_worker_id uuid REFERENCES app_user(id),
      team_id uuid REFERENCES team(id),
      household_id uuid NOT NULL REFERENCES household(id),
      status text NOT NULL DEFAULT 'referred' CHECK (status IN (
        'referred', 'screening', 'not_eligible', 'enrolled', 'assessed', 'plan_approved', 'active',
        'graduation_review', 'exited', 'follow_up_closed', 'suspended')),
      -- Where a suspended case was, so reopening it returns there.
      suspended_from text CHECK (suspended_from IN ('enrolled', 'assessed', 'plan_approved', 'active', 'graduation_review')),
      CHECK ((status = 'suspended') = (suspended_from IS NOT NULL)),
      -- A reopened closed case starts a new episode; approvals count per episode.
      episode integer NOT NULL DEFAULT 1 CHECK (episode >= 1),
      referral_source text NOT NULL CHECK (referral_source IN (
        'mahalla_team', 'womens_committee', 'school', 'polyclinic', 'self', 'other')),
      referral_date date NOT NULL,
      referral_note text,
      risk_level text NOT NULL DEFAULT 'none' CHECK (risk_level IN ('none', 'low', 'medium', 'high')),
      status_reason text,
      opened_on date NOT NULL,
      enrolled_on date,
      plan_approved_on date,
      last_reviewed_on date,
      exited_on date,
      exit_reason text CHECK (exit_reason IN (
        'self_reliant', 'moved_away', 'declined', 'no_longer_eligible', 'transferred',
        'entered_alternative_care', 'lost_contact', 'death', 'other')),
      exit_note text,
      follow_up_on date,
      follow_up_outcome text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX family_case_scope_idx ON family_case (organisation_id, branch_id, status);
    CREATE INDEX family_case_worker_idx ON family_case (assigned_worker_id);
    CREATE INDEX family_case_team_idx ON family_case (team_id);
    CREATE INDEX family_case_household_idx ON family_case (household_id);
    -- One open case per household: a closed case is reopened, not duplicated.
    CREATE UNIQUE INDEX family_case_open_household_key ON family_case (household_id)
      WHERE status NOT IN ('not_eligible', 'exited', 'follow_up_closed');

    CREATE TABLE family_case_status_change (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      episode integer NOT NULL,
      from_status text,
      to_status text NOT NULL,
      event text NOT NULL,
      reason text,
      effective_on date NOT NULL,
      changed_by uuid NOT NULL REFERENCES app_user(id),
      changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
    CREATE INDEX family_case_status_change_case_idx ON family_case_status_change (case_id, changed_at);

    CREATE TABLE case_review_policy (
      organisation_id uuid PRIMARY KEY REFERENCES organisation(id),
      high_months integer NOT NULL CHECK (high_months BETWEEN 1 AND 24),
      medium_months integer NOT NULL CHECK (medium_months BETWEEN 1 AND 24),
      low_months integer NOT NULL CHECK (low_months BETWEEN 1 AND 24),
      none_months integer NOT NULL CHECK (none_months BETWEEN 1 AND 24),
      assessment_due_days integer NOT NULL CHECK (assessment_due_days BETWEEN 1 AND 365),
      referral_answer_days integer NOT NULL CHECK (referral_answer_days BETWEEN 1 AND 365),
      follow_up_days integer NOT NULL CHECK (follow_up_days BETWEEN 1 AND 730),
      version integer NOT NULL DEFAULT 1,
      updated_by uuid REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE family_case_review (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      reviewed_on date NOT NULL,
      risk_before text NOT NULL,
      risk_after text NOT NULL CHECK (risk_after IN ('none', 'low', 'medium', 'high')),
      summary text NOT NULL,
      reviewed_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX family_case_review_case_idx ON family_case_review (case_id, reviewed_on);

    CREATE TABLE case_approval (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      episode integer NOT NULL,
      subject_type text NOT NULL CHECK (subject_type IN ('plan', 'closure')),
      subject_id uuid,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
      request_note text,
      requested_by uuid NOT NULL REFERENCES app_user(id),
      requested_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      decision_comment text,
      version integer NOT NULL DEFAULT 1,
      CHECK ((status = 'rejected') <= (decision_comment IS NOT NULL))
    );
    CREATE INDEX case_approval_case_idx ON case_approval (case_id, requested_at);
    CREATE INDEX case_approval_pending_idx ON case_approval (organisation_id, status) WHERE status = 'pending';
    -- One pending request per subject at a time.
    CREATE UNIQUE INDEX case_approval_pending_key ON case_approval (case_id, subject_type) WHERE status = 'pending';

    CREATE TABLE case_visit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      visited_on date NOT NULL,
      participants text NOT NULL,
      observations text NOT NULL,
      next_steps text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_visit_case_idx ON case_visit (case_id, visited_on DESC);

    CREATE TABLE case_note (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      kind text NOT NULL CHECK (kind IN ('note', 'phone_call', 'meeting')),
      occurred_on date NOT NULL,
      body text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL REFERENCES app_user(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_note_case_idx ON case_note (case_id, occurred_on DESC);

    CREATE TABLE case_attachment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      case_id uuid NOT NULL REFERENCES family_case(id),
      kind text NOT NULL CHECK (kind IN ('document', 'photo')),
      file_name text NOT NULL,
      content_type text NOT NULL CHECK (content_type IN (
        'application/pdf', 'image/jpeg', 'image/png', 'image/webp',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      storage_key text NOT NULL UNIQUE,
      description text,
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      uploaded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_attachment_case_idx ON case_attachment (case_id, uploaded_at DESC);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE case_attachment, case_note, case_visit, case_approval, family_case_review,
      case_review_policy, family_case_status_change, family_case;
    DROP SEQUENCE family_case_number_seq;
  `.execute(db);
}
