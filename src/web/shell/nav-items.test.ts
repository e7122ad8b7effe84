import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../shared/permissions.ts';
import { visibleNavItems } from './nav-items.ts';

const linksOf = (...roles: Role[]) => visibleNavItems([...permissionsOf(roles)]).map((i) => i.to);

describe('visibleNavItems', () => {
  it('shows case registries to case roles only', () => {
    expect(linksOf('social_worker')).toEqual(['/people', '/households', '/cases', '/teams', '/partners']);
    expect(linksOf('partner')).toEqual(['/people', '/households', '/cases', '/teams', '/partners']);
  });

  it('shows user administration and audit to an admin, who sees no case data', () => {
    expect(linksOf('admin')).toEqual(['/users', '/audit']);
  });

  it('shows the audit log to a director but not user administration', () => {
    expect(linksOf('director')).toEqual(['/people', '/households', '/duplicates', '/cases', '/teams', '/partners', '/reports', '/audit']);
  });

  it('shows the family-strengthening report to a supervisor and an M&E officer, not to a social worker', () => {
    expect(linksOf('supervisor')).toContain('/reports');
    expect(linksOf('me_officer')).toContain('/reports');
    expect(linksOf('social_worker')).not.toContain('/reports');
  });

  it('shows the duplicates review to supervisors and directors only', () => {
    expect(linksOf('supervisor')).toContain('/duplicates');
    expect(linksOf('director')).toContain('/duplicates');
    for (const role of ['social_worker', 'care_worker', 'me_officer', 'partner', 'admin'] as const) expect(linksOf(role)).not.toContain('/duplicates');
  });

  it('shows nothing but home to roles without registry access', () => {
    expect(linksOf('editor')).toEqual([]);
  });
});
