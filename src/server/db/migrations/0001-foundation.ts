import { sql, type Kysely } from 'kysely';

/**
 * The foundation: organisations and their structure, accounts and sessions,
 * the append-only hash-chained audit log, locations, and the registry of
 * people and households every programme builds on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    CREATE TABLE organisation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,40}$'),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE location (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('region', 'district', 'mahalla')),
      parent_id uuid REFERENCES location(id),
      code text NOT NULL,
      iso_code text,
      name_en text NOT NULL,
      name_ru text NOT NULL,
      name_uz_latn text NOT NULL,
      name_uz_cyrl text NOT NULL,
      UNIQUE (kind, code),
      CHECK ((kind = 'region') = (parent_id IS NULL))
    );
    CREATE INDEX location_parent_idx ON location (parent_id);

    CREATE TABLE branch (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      code text NOT NULL,
      name_en text NOT NULL,
      name_ru text NOT NULL,
      name_uz_latn text NOT NULL,
      name_uz_cyrl text NOT NULL,
      region_id uuid REFERENCES location(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, code)
    );

    CREATE TABLE team (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      branch_id uuid NOT NULL REFERENCES branch(id),
      name text NOT NULL,
      mahalla_id uuid REFERENCES location(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      email text NOT NULL CHECK (email = lower(email)),
      display_name text NOT NULL,
      password_hash text NOT NULL,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      locale text NOT NULL CHECK (locale IN ('en', 'ru', 'uz-Latn', 'uz-Cyrl')),
      disabled_at timestamptz,
      totp_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      recovery_code_hashes text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- An e-mail signs in to exactly one account across all organisations.
    CREATE UNIQUE INDEX app_user_email_key ON app_user (email);

    CREATE TABLE role_assignment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id),
      role text NOT NULL,
      branch_id uuid REFERENCES branch(id),
      programme text,
      team_id uuid REFERENCES team(id)
    );
    CREATE INDEX role_assignment_user_idx ON role_assignment (user_id);

    CREATE TABLE session (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id),
      stage text NOT NULL CHECK (stage IN ('pending_totp', 'active')),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX session_user_idx ON session (user_id);

    -- Deployment secrets, made on first use (a migrated database stays empty,
    -- ready for a restore): the key that salts hashed client addresses.
    CREATE TABLE app_secret (name text PRIMARY KEY, value text NOT NULL);

    CREATE TABLE sign_in_attempt (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      account_key text NOT NULL,
      ip_key text NOT NULL,
      succeeded boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sign_in_attempt_account_idx ON sign_in_attempt (account_key, at);
    CREATE INDEX sign_in_attempt_ip_idx ON sign_in_attempt (ip_key, at);

    -- The audit log: append-only and hash-chained. Each row's hash covers the
    -- previous row's hash, so removing or editing a row breaks the chain.
    CREATE TABLE audit_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      seq bigint NOT NULL UNIQUE,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      organisation_id uuid,
      actor_user_id uuid,
      action text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
      record_type text,
      record_id uuid,
      request_id text,
      details jsonb NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_event_at_idx ON audit_event (organisation_id, at DESC);
    CREATE INDEX audit_event_record_idx ON audit_event (record_id, at DESC);
    CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, at DESC);

    CREATE FUNCTION audit_event_digest(
      prev text, seq bigint, at timestamptz, organisation_id uuid, actor uuid, action text,
      outcome text, record_type text, record_id uuid, request_id text, details jsonb
    ) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT encode(sha256(convert_to(concat_ws('|',
        prev, seq::text, (extract(epoch FROM at) * 1000000)::bigint::text,
        coalesce(organisation_id::text, ''), coalesce(actor::text, ''), action, outcome,
        coalesce(record_type, ''), coalesce(record_id::text, ''), coalesce(request_id, ''), details::text
      ), 'UTF8')), 'hex')
    $$;

    CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE last record;
    BEGIN
      -- One writer at a time extends the chain; the lock ends with the transaction.
      PERFORM pg_advisory_xact_lock(1886413164);
      SELECT a.seq, a.hash INTO last FROM audit_event a ORDER BY a.seq DESC LIMIT 1;
      NEW.seq := coalesce(last.seq, 0) + 1;
      NEW.prev_hash := coalesce(last.hash, 'genesis');
      NEW.at := clock_timestamp();
      NEW.hash := audit_event_digest(NEW.prev_hash, NEW.seq, NEW.at, NEW.organisation_id, NEW.actor_user_id,
        NEW.action, NEW.outcome, NEW.record_type, NEW.record_id, NEW.request_id, NEW.details);
      RETURN NEW;
    END $$;
    CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

    CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
    CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

    CREATE SEQUENCE household_reference_seq;
    CREATE TABLE household (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE DEFAULT ('H-' || lpad(nextval('household_reference_seq')::text, 6, '0')),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      branch_id uuid NOT NULL REFERENCES branch(id),
      assigned_worker_id uuid REFERENCES app_user(id),
      team_id uuid REFERENCES team(id),
      display_name text NOT NULL,
      search_fold text NOT NULL,
      region_id uuid REFERENCES location(id),
      district_id uuid REFERENCES location(id),
      mahalla_id uuid REFERENCES location(id),
      address_line text,
      phone text,
      notes text,
      archived_at timestamptz,
      archive_reason text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX household_scope_idx ON household (organisation_id, branch_id);
    CREATE INDEX household_worker_idx ON household (assigned_worker_id);
    CREATE INDEX household_team_idx ON household (team_id);
    CREATE INDEX household_search_fold_trgm ON household USING gin (search_fold gin_trgm_ops);

    CREATE SEQUENCE person_reference_seq;
    CREATE TABLE person (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE DEFAULT ('P-' || lpad(nextval('person_reference_seq')::text, 7, '0')),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      branch_id uuid NOT NULL REFERENCES branch(id),
      assigned_worker_id uuid REFERENCES app_user(id),
      team_id uuid REFERENCES team(id),
      given_name text NOT NULL,
      family_name text NOT NULL,
      patronymic text,
      name_script text NOT NULL CHECK (name_script IN ('cyrl', 'latn')),
      given_name_alt text,
      family_name_alt text,
      patronymic_alt text,
      search_fold text NOT NULL,
      sex text NOT NULL CHECK (sex IN ('female', 'male')),
      birth_date date,
      birth_date_estimated boolean NOT NULL DEFAULT false,
      disability boolean NOT NULL DEFAULT false,
      special_needs text,
      health_notes text,
      pinfl text CHECK (pinfl ~ '^[0-9]{14}$'),
      birth_certificate text,
      phone text CHECK (phone ~ '^\\+998[0-9]{9}$'),
      region_id uuid REFERENCES location(id),
      district_id uuid REFERENCES location(id),
      mahalla_id uuid REFERENCES location(id),
      address_line text,
      archived_at timestamptz,
      archive_reason text,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX person_scope_idx ON person (organisation_id, branch_id);
    CREATE INDEX person_worker_idx ON person (assigned_worker_id);
    CREATE INDEX person_team_idx ON person (team_id);
    CREATE INDEX person_search_fold_trgm ON person USING gin (search_fold gin_trgm_ops);
    CREATE INDEX person_family_name_idx ON person (organisation_id, family_name, given_name);
    CREATE UNIQUE INDEX person_pinfl_key ON person (organisation_id, pinfl) WHERE pinfl IS NOT NULL AND archived_at IS NULL;

    CREATE TABLE household_member (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      household_id uuid NOT NULL REFERENCES household(id),
      person_id uuid NOT NULL REFERENCES person(id),
      relationship text NOT NULL,
      is_primary_caregiver boolean NOT NULL DEFAULT false,
      joined_on date,
      left_on date
    );
    CREATE UNIQUE INDEX household_member_current_key ON household_member (household_id, person_id) WHERE left_on IS NULL;
    CREATE INDEX household_member_person_idx ON household_member (person_id);

    CREATE TABLE consent (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      person_id uuid NOT NULL REFERENCES person(id),
      household_id uuid REFERENCES household(id),
      purpose text NOT NULL,
      data_categories text[] NOT NULL,
      transfers_to text,
      granted_on date NOT NULL,
      expires_on date,
      withdrawn_at timestamptz,
      withdrawal_note text,
      recorded_by uuid NOT NULL REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX consent_person_idx ON consent (person_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted; restore a backup instead.');
}
