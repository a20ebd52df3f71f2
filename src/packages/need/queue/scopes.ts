import type { MeView } from '@core/views';

/** The league orgs whose needs the user takes: those they organize, then those they are a cadre for (each once). */
export function cadreScopes(me: MeView | null): { id: string; name: string }[] {
  const scopes: { id: string; name: string }[] = [];
  for (const role of me?.roles ?? []) {
    if ((role.role === 'organizer' || role.role === 'cadre') && !scopes.some((scope) => scope.id === role.scopeId)) {
      scopes.push({ id: role.scopeId, name: role.scopeName });
    }
  }
  return scopes.sort((a, b) => rank(me, a.id) - rank(me, b.id));
}

const rank = (me: MeView | null, scopeId: string) =>
  me?.roles.some((role) => role.role === 'organizer' && role.scopeId === scopeId) ? 0 : 1;
