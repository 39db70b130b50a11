// The order services are listed in, everywhere: the cockpit's order of its five probes, then any
// extra probe alphabetically. Shared by the health model and every view of it.
import type { ServiceHealth } from './types';

/** The daemon's probes in the order the cockpit shows them; extra probes follow alphabetically. */
export const CANONICAL_SERVICES = ['vercel', 'sentry', 'doppler', 'supabase', 'fly'] as const;

/** Services in the cockpit's order: the five known probes, then extras alphabetically. */
export function orderServices(services: readonly ServiceHealth[]): ServiceHealth[] {
  const rank = (name: string) => {
    const index = (CANONICAL_SERVICES as readonly string[]).indexOf(name);
    return index === -1 ? CANONICAL_SERVICES.length : index;
  };
  return [...services].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
