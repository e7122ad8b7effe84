import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors.ts';
import { httpStatusOf } from './app-error.ts';

describe('httpStatusOf', () => {
  it('maps every code to a 4xx, except internal errors', () => {
    for (const code of ERROR_CODES) {
      const status = httpStatusOf(code);
      if (code === 'internal') expect(status).toBe(500);
      else if (code === 'service_unavailable') expect(status).toBe(503);
      else {
        expect(status, code).toBeGreaterThanOrEqual(400);
        expect(status, code).toBeLessThan(500);
      }
    }
  });
  it('answers out-of-scope records the same way as missing ones', () => {
    expect(httpStatusOf('not_found_or_no_access')).toBe(404);
  });
});
