import { createContext, useContext } from 'react';
import type { Role } from '../gql/graphql';

export interface Caller {
  name: string;
  role: Role;
}

// The signed-in caller, for screens that hide what the role cannot do (the server still decides every request).
export const CallerContext = createContext<Caller | null>(null);

export function useCaller(): Caller {
  const caller = useContext(CallerContext);
  if (!caller) {
    throw new Error('useCaller outside a signed-in studio');
  }
  return caller;
}

const rank: Record<Role, number> = { VIEWER: 0, EDITOR: 1, PUBLISHER: 2, ADMIN: 3 };

/** Whether the caller's role is at least the given one (the server's hierarchy: viewer < editor < publisher < admin). */
export function hasRole(caller: Caller, role: Role): boolean {
  return rank[caller.role] >= rank[role];
}
