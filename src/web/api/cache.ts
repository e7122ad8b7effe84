/**
 * Reference data (locations, branches, teams) changes rarely and is asked for
 * by many forms at once: keep one promise per key for the life of the page,
 * and forget failures so the next form retries.
 */
const store = new Map<string, Promise<unknown>>();

export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const existing = store.get(key) as Promise<T> | undefined;
  if (existing) return existing;
  const promise = load().catch((error: unknown) => {
    store.delete(key);
    throw error;
  });
  store.set(key, promise);
  return promise;
}

/** After a sign-out or a change to reference data. */
export function clearCache(prefix = ''): void {
  for (const key of [...store.keys()]) if (key.startsWith(prefix)) store.delete(key);
}
