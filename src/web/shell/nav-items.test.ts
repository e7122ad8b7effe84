import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../shared/permissions.ts';
import { visibleNavItems } from './nav-items.ts';

const linksOf = (...roles: Role[]) => visibleNavItems([...permissionsOf(roles)]).map((i) => i.to);

describe('visibleNavItems', () => {
  it('shows case registries to case roles only', () => {
    expect(linksOf('social_worker')).toEqual(['/people', '/households']);
    expect(linksOf('partner')).toEqual(['/people', '/households']);
  });

  it('shows user administration and audit to an admin, who sees no case data', () => {
    expect(linksOf('admin')).toEqual(['/users', '/audit']);
  });

  it('shows the audit log to a director but not user administration', () => {
    expect(linksOf('director')).toEqual(['/people', '/households', '/audit']);
  });

  it('shows nothing but home to roles without registry access', () => {
    expect(linksOf('editor')).toEqual([]);
  });
});
