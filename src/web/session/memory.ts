/**
 * Page state worth keeping while the user moves around (the last search of a
 * list), held in memory only and dropped when the session ends, so the next
 * person to sign in on this browser never sees what the last one searched for.
 */
const slots = new Map<string, unknown>();

export function remember<T>(key: string, value: T): void {
  slots.set(key, value);
}

export function recall<T>(key: string, fallback: T): T {
  return slots.has(key) ? (slots.get(key) as T) : fallback;
}

export function forgetAll(): void {
  slots.clear();
}
