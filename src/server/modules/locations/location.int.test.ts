import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';

const shared = path.resolve(import.meta.dirname, '../../../../../shared/data');
const haveShared = existsSync(path.join(shared, 'regions.json'));

let t: TestApp;
let org: OrgFixture;
beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
});
afterAll(async () => t.close());

describe.skipIf(!haveShared)('importing the reference location lists', () => {
  it('imports all regions and districts with their codes and four names, and is idempotent', async () => {
    const admin = await clientFor(t.baseUrl, t.db, org.users.admin);
    const regions = await admin.post('/api/locations/import', { format: 'json', content: readFileSync(path.join(shared, 'regions.json'), 'utf8') });
    expect(regions.status).toBe(200);
    expect(regions.body.total).toBe(14);
    const districts = await admin.post('/api/locations/import', { format: 'json', content: readFileSync(path.join(shared, 'districts.json'), 'utf8') });
    expect(districts.status).toBe(200);
    expect(districts.body.total).toBeGreaterThan(190);
    const again = await admin.post('/api/locations/import', { format: 'json', content: readFileSync(path.join(shared, 'regions.json'), 'utf8') });
    expect(again.body).toMatchObject({ inserted: 0, updated: 14 });

    const worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
    const all = (await worker.get('/api/locations?kind=region')).body.items;
    const samarkand = all.find((r: { isoCode: string }) => r.isoCode === 'UZ-SA');
    expect(samarkand.names).toEqual({ en: 'Samarkand Region', ru: expect.stringContaining('Самарканд'), 'uz-Latn': expect.stringContaining('Samarqand'), 'uz-Cyrl': expect.stringContaining('Самарқанд') });
    const itsDistricts = (await worker.get(`/api/locations?kind=district&parentId=${samarkand.id}`)).body.items;
    expect(itsDistricts.length).toBeGreaterThan(10);
    expect(itsDistricts.every((d: { parentId: string }) => d.parentId === samarkand.id)).toBe(true);
  });
});

describe('importing the reference format', () => {
  it('reads regions and districts as the association’s lists write them (SOATO codes, four names), without the lists at hand', async () => {
    const admin = await clientFor(t.baseUrl, t.db, org.users.admin);
    // Two made-up rows in the lists' shape: codes no real region uses, so the real lists can still be imported beside them.
    const regions = { meta: {}, regions: [{ soato: '1799', iso_3166_2: 'UZ-ZZ', type: 'region', name: { uz_latn: 'Sinov viloyati', uz_cyrl: 'Синов вилояти', ru: 'Тестовая область', en: 'Test Region' } }] };
    const districts = { meta: {}, districts: [
      { soato: '1799201', region_soato: '1799', kind: 'district', name: { uz_latn: 'Bogʻ tumani', uz_cyrl: 'Боғ тумани', ru: 'Багский район', en: 'Bog District' } },
      { soato: '1799401', region_soato: '1799', kind: 'city', name: { uz_latn: 'Sinov shahri', uz_cyrl: 'Синов шаҳри', ru: 'город Тест', en: 'Sinov City' } },
    ] };
    expect((await admin.post('/api/locations/import', { format: 'json', content: JSON.stringify(regions) })).body).toEqual({ inserted: 1, updated: 0, total: 1 });
    expect((await admin.post('/api/locations/import', { format: 'json', content: JSON.stringify(districts) })).body).toEqual({ inserted: 2, updated: 0, total: 2 });
    const worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
    const region = (await worker.get('/api/locations?kind=region')).body.items.find((r: { isoCode: string }) => r.isoCode === 'UZ-ZZ');
    expect(region.names).toEqual({ en: 'Test Region', ru: 'Тестовая область', 'uz-Latn': 'Sinov viloyati', 'uz-Cyrl': 'Синов вилояти' });
    const itsDistricts = (await worker.get(`/api/locations?kind=district&parentId=${region.id}`)).body.items;
    expect(itsDistricts.map((d: { names: { 'uz-Latn': string } }) => d.names['uz-Latn']).sort()).toEqual(['Bogʻ tumani', 'Sinov shahri']);
    // The same lists again change nothing new.
    expect((await admin.post('/api/locations/import', { format: 'json', content: JSON.stringify(districts) })).body).toMatchObject({ inserted: 0, updated: 2 });
  });
});

describe('importing a CSV list', () => {
  it('adds mahallas under a district named by code, and refuses an unknown parent without saving anything', async () => {
    const admin = await clientFor(t.baseUrl, t.db, org.users.admin);
    const code = `T${Date.now()}`;
    const csv = [
      'kind,code,parent_code,iso_code,name_en,name_ru,name_uz_latn,name_uz_cyrl',
      `region,${code},,,Test region,Тестовая область,Test viloyati,Тест вилояти`,
      `district,${code}-1,${code},,Test district,Тестовый район,Test tumani,Тест тумани`,
      `mahalla,${code}-1-1,${code}-1,,"Bogishamol, north",Богишамол,Bogʻishamol,Боғишамол`,
    ].join('\n');
    const res = await admin.post('/api/locations/import', { format: 'csv', content: csv });
    expect(res.body).toEqual({ inserted: 3, updated: 0, total: 3 });
    const bad = await admin.post('/api/locations/import', { format: 'csv', content: `${csv.split('\n')[0]}\nmahalla,${code}-X,NOPE,,A,B,C,D\nregion,${code}-Y,,,A,B,C,D` });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ code: 'invalid_value' });
    expect(await t.db.selectFrom('location').select('id').where('code', '=', `${code}-Y`).executeTakeFirst()).toBeUndefined();
    const garbage = await admin.post('/api/locations/import', { format: 'json', content: '{"nothing": true}' });
    expect(garbage.status).toBe(400);
  });

  it('is for administrators only', async () => {
    const worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
    expect((await worker.post('/api/locations/import', { format: 'csv', content: 'x' })).status).toBe(403);
  });
});
