import { z } from 'zod';

/**
 * The response of a route that sends a file (PDF, CSV, XLSX) rather than
 * JSON. The handler sets content-type and content-disposition and returns
 * a Buffer, which Fastify sends as it is, without a serializer.
 */
export function fileResponse(description: string) {
  return z.any().meta({ description: `${description} (a file download: Content-Disposition: attachment)` });
}
