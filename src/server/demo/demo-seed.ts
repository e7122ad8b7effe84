import { readFileSync } from 'node:fs';
import type { Db } from '../db/database.ts';
import type { Role } from '../../shared/permissions.ts';
import { searchFold } from '../../shared/names/index.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { writeAudit } from '../platform/audit/audit.ts';
import { importLocations, parseLocations } from '../modules/locations/location-import.ts';
import { nameColumns } from '../modules/people/person.service.ts';
import { seedDemoCases } from '../modules/cases/case-demo.ts';
import { seedDemoCasework } from '../modules/casework/casework-demo.ts';
import { refreshStaleMatchKeys } from '../modules/duplicates/duplicate.repository.ts';

/** Demo mode only: every demo account signs in with this password. */
export const DEMO_PASSWORD = 'Oila demo passphrase';
/**
 * Demo mode only: the authenticator secret of the demo accounts whose role
 * requires two-factor sign-in. Add it to any authenticator app, or print the
 * current code with `npm run oila -- demo-code`.
 */
export const DEMO_TOTP_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';

type Branch = 'TAS' | 'SAM' | 'URG';
export const DEMO_USERS: { email: string; name: string; role: Role; branch: Branch | null; team: boolean }[] = [
  { email: 'worker@demo.oila.uz', name: 'Malika Tursunova', role: 'social_worker', branch: 'TAS', team: true },
  { email: 'worker.samarkand@demo.oila.uz', name: 'Jasur Ahmedov', role: 'social_worker', branch: 'SAM', team: true },
  { email: 'careworker@demo.oila.uz', name: 'Gulnora Saidova', role: 'care_worker', branch: 'TAS', team: false },
  { email: 'supervisor@demo.oila.uz', name: 'Bahodir Karimov', role: 'supervisor', branch: 'TAS', team: false },
  { email: 'director@demo.oila.uz', name: 'Zulfiya Rashidova', role: 'director', branch: null, team: false },
  { email: 'me@demo.oila.uz', name: 'Sherzod Aliyev', role: 'me_officer', branch: null, team: false },
  { email: 'partner@demo.oila.uz', name: 'Dildora Nazarova', role: 'partner', branch: 'TAS', team: true },
  { email: 'editor@demo.oila.uz', name: 'Aziza Umarova', role: 'editor', branch: null, team: false },
  { email: 'donor@demo.oila.uz', name: 'Demo Donor', role: 'donor_viewer', branch: null, team: false },
  { email: 'admin@demo.oila.uz', name: 'Timur Yusupov', role: 'admin', branch: null, team: false },
];

const BRANCHES: { code: Branch; region: string; names: [string, string, string, string]; mahalla: string; team: string }[] = [
  { code: 'TAS', region: '1726', names: ['Tashkent', 'Ташкент', 'Toshkent', 'Тошкент'], mahalla: '1726266-M01', team: 'Bogʻishamol mahalla team' },
  { code: 'SAM', region: '1718', names: ['Samarkand', 'Самарканд', 'Samarqand', 'Самарқанд'], mahalla: '1718401-M01', team: 'Yuqori Turkman mahalla team' },
  { code: 'URG', region: '1733', names: ['Khorezm (Urgench)', 'Хорезм (Ургенч)', 'Xorazm (Urganch)', 'Хоразм (Урганч)'], mahalla: '1733401-M01', team: 'Al-Xorazmiy mahalla team' },
];

type DemoPerson = { given: string; family: string; patronymic?: string; sex: 'female' | 'male'; born: string; estimated?: boolean; disability?: boolean; relationship: string; caregiver?: boolean };
/** Invented families: names typed in Latin or Cyrillic as workers would. */
const HOUSEHOLDS: { branch: Branch; mahalla: string; name: string; people: DemoPerson[] }[] = [
  { branch: 'TAS', mahalla: '1726266-M01', name: 'Rahimovlar oilasi', people: [
    { given: 'Dilnoza', family: 'Rahimova', sex: 'female', born: '1988-04-12', relationship: 'mother', caregiver: true },
    { given: 'Aziz', family: 'Rahimov', sex: 'male', born: '2013-09-02', relationship: 'child' },
    { given: 'Madina', family: 'Rahimova', sex: 'female', born: '2016-01-20', relationship: 'child', disability: true },
  ] },
  { branch: 'TAS', mahalla: '1726266-M01', name: 'Iusupovs', people: [
    { given: 'Shahnoza', family: 'Iusupova', sex: 'female', born: '1985-06-30', relationship: 'mother', caregiver: true },
    { given: 'Gayrat', family: 'Iusupov', sex: 'male', born: '2012-05-14', relationship: 'child' },
  ] },
  { branch: 'TAS', mahalla: '1726266-M02', name: 'Тошматовлар', people: [
    { given: 'Зарина', family: 'Тошматова', sex: 'female', born: '1979-11-05', relationship: 'grandparent', caregiver: true },
    { given: 'Бобур', family: 'Тошматов', sex: 'male', born: '2014-07-19', relationship: 'child' },
    { given: 'Ситора', family: 'Тошматова', sex: 'female', born: '2018-02-01', estimated: true, relationship: 'child' },
  ] },
  { branch: 'SAM', mahalla: '1718401-M01', name: 'Эргашевлар оиласи', people: [
    { given: 'Сайёра', family: 'Эргашева', sex: 'female', born: '1990-03-08', relationship: 'mother', caregiver: true },
    { given: 'Шоҳрух', family: 'Эргашев', sex: 'male', born: '2011-12-25', relationship: 'child' },
    { given: 'Нигора', family: 'Эргашева', sex: 'female', born: '2015-08-17', relationship: 'child' },
  ] },
  { branch: 'URG', mahalla: '1733401-M01', name: 'Qodirovlar', people: [
    { given: 'Oʻktam', family: 'Qodirov', sex: 'male', born: '1982-10-10', relationship: 'father', caregiver: true },
    { given: 'Feruza', family: 'Qodirova', sex: 'female', born: '2010-04-04', relationship: 'child' },
  ] },
];

/**
 * One child registered a second time, in Latin, by a school referral before
 * anyone linked him to his family: the supervisors' duplicate queue has
 * something real to show after a scan.
 */
const LOOSE_PEOPLE: { branch: Branch; mahalla: string; person: Omit<DemoPerson, 'relationship'> }[] = [
  { branch: 'TAS', mahalla: '1726266-M02', person: { given: 'Bobur', family: 'Toshmatov', sex: 'male', born: '2014-07-19' } },
];

/**
 * Fills an empty database with a demo organisation: three branches, a mahalla
 * team in each, one user per role, and a handful of households. Does nothing
 * when an organisation exists. Returns whether it seeded.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await db.selectFrom('organisation').select('id').executeTakeFirst()) return false;
  const locationsFile = new URL('./locations.json', import.meta.url);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await importLocations(trx, parseLocations('json', readFileSync(locationsFile, 'utf8')));
    const location = async (kind: 'region' | 'mahalla', code: string) =>
      (await trx.selectFrom('location').select(['id', 'parent_id']).where('kind', '=', kind).where('code', '=', code).executeTakeFirstOrThrow());
    const org = await trx.insertInto('organisation').values({ slug: 'sos-uz-demo', name: 'SOS Children’s Villages Uzbekistan (demo)' }).returning('id').executeTakeFirstOrThrow();
    const branchIds = {} as Record<Branch, { id: string; team: string }>;
    for (const b of BRANCHES) {
      const region = await location('region', b.region);
      const mahalla = await location('mahalla', b.mahalla);
      const branch = await trx.insertInto('branch')
        .values({ organisation_id: org.id, code: b.code, name_en: b.names[0], name_ru: b.names[1], name_uz_latn: b.names[2], name_uz_cyrl: b.names[3], region_id: region.id })
        .returning('id').executeTakeFirstOrThrow();
      const team = await trx.insertInto('team').values({ organisation_id: org.id, branch_id: branch.id, name: b.team, mahalla_id: mahalla.id }).returning('id').executeTakeFirstOrThrow();
      branchIds[b.code] = { id: branch.id, team: team.id };
    }
    const workerOf = {} as Record<Branch, string>;
    for (const u of DEMO_USERS) {
      const needsTotp = u.role === 'admin' || u.role === 'director' || u.role === 'supervisor';
      const user = await trx.insertInto('app_user')
        .values({
          organisation_id: org.id, email: u.email, display_name: u.name, password_hash: passwordHash, locale: 'en', disabled_at: null,
          totp_secret: needsTotp ? DEMO_TOTP_SECRET : null, totp_enabled_at: needsTotp ? new Date().toISOString() : null, totp_last_step: null,
        })
        .returning('id').executeTakeFirstOrThrow();
      const branch = u.branch ? branchIds[u.branch] : null;
      await trx.insertInto('role_assignment').values({ user_id: user.id, role: u.role, branch_id: branch?.id ?? null, programme: u.role === 'social_worker' ? 'family_strengthening' : null, team_id: u.team && branch ? branch.team : null }).execute();
      if (u.role === 'social_worker' && u.branch && !workerOf[u.branch]) workerOf[u.branch] = user.id;
    }
    const creator = workerOf.TAS;
    const placeOf = async (branch: Branch, mahallaCode: string) => {
      const mahalla = await location('mahalla', mahallaCode);
      const district = await trx.selectFrom('location').select(['id', 'parent_id']).where('id', '=', mahalla.parent_id!).executeTakeFirstOrThrow();
      return {
        scope: { organisation_id: org.id, branch_id: branchIds[branch].id, team_id: branchIds[branch].team, assigned_worker_id: workerOf[branch] ?? null },
        address: { region_id: district.parent_id, district_id: district.id, mahalla_id: mahalla.id },
      };
    };
    const insertPerson = async (place: Awaited<ReturnType<typeof placeOf>>, p: Omit<DemoPerson, 'relationship'>) =>
      trx.insertInto('person')
        .values({
          ...place.scope, ...place.address, ...nameColumns({ givenName: p.given, familyName: p.family, patronymic: p.patronymic ?? null }),
          sex: p.sex, birth_date: p.born, birth_date_estimated: p.estimated ?? false, disability: p.disability ?? false,
          special_needs: null, health_notes: null, pinfl: null, birth_certificate: null, phone: null, address_line: null,
          archived_at: null, archive_reason: null, created_by: creator,
        })
        .returning('id').executeTakeFirstOrThrow();
    for (const h of HOUSEHOLDS) {
      const place = await placeOf(h.branch, h.mahalla);
      const household = await trx.insertInto('household')
        .values({ ...place.scope, ...place.address, display_name: h.name, search_fold: searchFold(h.name), address_line: null, phone: null, notes: null, archived_at: null, archive_reason: null, created_by: creator })
        .returning('id').executeTakeFirstOrThrow();
      for (const p of h.people) {
        const person = await insertPerson(place, p);
        await trx.insertInto('household_member').values({ household_id: household.id, person_id: person.id, relationship: p.relationship, is_primary_caregiver: p.caregiver ?? false, joined_on: null, left_on: null }).execute();
      }
    }
    for (const l of LOOSE_PEOPLE) await insertPerson(await placeOf(l.branch, l.mahalla), l.person);
    // Rows written here bypass the people service, which keys every person it saves.
    await refreshStaleMatchKeys(trx, org.id, 1000);
    await seedDemoCases(trx, org.id);
    await seedDemoCasework(trx, org.id);
    await writeAudit(trx, { organisationId: org.id, actorUserId: null, requestId: null }, { action: 'demo.seed', details: { households: HOUSEHOLDS.length, users: DEMO_USERS.length } });
  });
  return true;
}
