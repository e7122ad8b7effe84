import { parse as parseCsv } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { FieldError } from '../../../shared/errors.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Executor } from '../../platform/http/context.ts';
import { importedLocation, type ImportedLocation } from './location.schema.ts';

type ReferenceName = { uz_latn: string; uz_cyrl: string; ru: string; en: string };

/**
 * Reads a location list into Oila's format. Accepts Oila's own JSON
 * (`{locations: [...]}`), the reference files of regions (`{regions: [...]}`,
 * ISO 3166-2 and SOATO codes) and districts (`{districts: [...]}`), or CSV
 * with the header `kind,code,parent_code,iso_code,name_en,name_ru,name_uz_latn,name_uz_cyrl`.
 */
export function parseLocations(format: 'json' | 'csv', content: string): ImportedLocation[] {
  let raw: unknown[];
  if (format === 'csv') {
    let rows: Record<string, string>[];
    try {
      rows = parseCsv<Record<string, string>>(content, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    } catch {
      throw new AppError('validation_failed', 'The file is not valid CSV.', { fields: [{ path: ['content'], code: 'invalid_format' }] });
    }
    raw = rows.map((r) => ({
      kind: r['kind'], code: r['code'], parentCode: r['parent_code'] || null, isoCode: r['iso_code'] || null,
      names: { en: r['name_en'], ru: r['name_ru'], 'uz-Latn': r['name_uz_latn'], 'uz-Cyrl': r['name_uz_cyrl'] },
    }));
  } else {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(content) as Record<string, unknown>;
    } catch {
      throw new AppError('validation_failed', 'The file is not valid JSON.', { fields: [{ path: ['content'], code: 'invalid_format' }] });
    }
    const names = (n: ReferenceName | undefined) => (n ? { en: n.en, ru: n.ru, 'uz-Latn': n.uz_latn, 'uz-Cyrl': n.uz_cyrl } : undefined);
    if (Array.isArray(doc['locations'])) raw = doc['locations'];
    else if (Array.isArray(doc['regions'])) {
      raw = (doc['regions'] as { soato: string; iso_3166_2?: string; name?: ReferenceName }[]).map((r) => ({ kind: 'region', code: r.soato, parentCode: null, isoCode: r.iso_3166_2 ?? null, names: names(r.name) }));
    } else if (Array.isArray(doc['districts'])) {
      raw = (doc['districts'] as { soato: string; region_soato: string; name?: ReferenceName }[]).map((d) => ({ kind: 'district', code: d.soato, parentCode: d.region_soato, isoCode: null, names: names(d.name) }));
    } else {
      throw new AppError('validation_failed', 'The file has no locations, regions or districts list.', { fields: [{ path: ['content'], code: 'invalid_format' }] });
    }
  }
  const fields: FieldError[] = [];
  const out: ImportedLocation[] = [];
  raw.forEach((item, i) => {
    const r = importedLocation.safeParse(item);
    if (r.success) out.push(r.data);
    else for (const issue of r.error.issues.slice(0, 3)) fields.push({ path: ['content', i, ...issue.path.map(String)], code: 'invalid_value' });
  });
  if (fields.length) throw new AppError('validation_failed', 'Some rows of the file are not valid.', { fields: fields.slice(0, 50) });
  return out;
}

const ORDER = { region: 0, district: 1, mahalla: 2 } as const;
const PARENT_KIND = { region: null, district: 'region', mahalla: 'district' } as const;

/**
 * Inserts new locations and updates the names of known ones (matched by kind
 * and code), parents first. Either the whole list is saved or none of it.
 */
export async function importLocations(db: Executor, items: ImportedLocation[]): Promise<{ inserted: number; updated: number; total: number }> {
  const sorted = [...items].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  let inserted = 0;
  let updated = 0;
  const fields: FieldError[] = [];
  for (const [i, loc] of sorted.entries()) {
    const parentKind = PARENT_KIND[loc.kind];
    let parentId: string | null = null;
    if (parentKind) {
      const parent = loc.parentCode ? await db.selectFrom('location').select('id').where('kind', '=', parentKind).where('code', '=', loc.parentCode).executeTakeFirst() : undefined;
      if (!parent) {
        fields.push({ path: ['content', i, 'parentCode'], code: 'invalid_value' });
        continue;
      }
      parentId = parent.id;
    }
    const values = { kind: loc.kind, code: loc.code, parent_id: parentId, iso_code: loc.isoCode, name_en: loc.names.en, name_ru: loc.names.ru, name_uz_latn: loc.names['uz-Latn'], name_uz_cyrl: loc.names['uz-Cyrl'] };
    const row = await db
      .insertInto('location')
      .values(values)
      .onConflict((oc) => oc.columns(['kind', 'code']).doUpdateSet({ parent_id: parentId, iso_code: loc.isoCode, name_en: values.name_en, name_ru: values.name_ru, name_uz_latn: values.name_uz_latn, name_uz_cyrl: values.name_uz_cyrl }))
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .executeTakeFirstOrThrow();
    if (row.inserted) inserted += 1;
    else updated += 1;
  }
  if (fields.length) throw new AppError('validation_failed', 'Some locations name a parent that does not exist.', { fields: fields.slice(0, 50) });
  return { inserted, updated, total: sorted.length };
}
