import type { SandboxResponse } from '../../types';
import { zendeskError } from './auth';

/**
 * The signed-in agent's role, as Zendesk describes it (official spec: ShowCurrentUser role / role_type /
 * custom_role_id; CustomRoleConfigurationObject), and the refusals that follow from it. Tests and the
 * checklist e2e change it through POST /__admin/zendesk/role.
 */
export interface ZendeskAccess {
  role: 'agent' | 'admin' | 'end-user';
  /** 0 custom agent, 1 light agent, 4 admin (spec). */
  roleType: number | null;
  customRole: { id: number; name: string; configuration: Record<string, unknown> } | null;
}

const FULL_AGENT_ROLE = {
  id: 9001,
  name: 'Support agent',
  configuration: {
    ticket_access: 'all',
    ticket_editing: true,
    ticket_tag_editing: true,
    ticket_comment_access: 'public',
    assign_tickets_to_any_group: true,
  },
};

export const defaultAccess = (): ZendeskAccess => ({ role: 'agent', roleType: 0, customRole: structuredClone(FULL_AGENT_ROLE) });

/** Zendesk's answer to a change the role does not allow (classic envelope). */
const FORBIDDEN = zendeskError(
  403,
  'Forbidden',
  'You do not have access to this page. Please contact the account owner of this help desk for further help.',
);

/** What a ticket update asks for, refused when the role may not: the whole update is refused, as Zendesk does. */
export function refuseUpdate(access: ZendeskAccess, ticket: Record<string, unknown>): SandboxResponse | null {
  if (access.role === 'admin') return null;
  if (access.role === 'end-user') return FORBIDDEN;
  const config = access.customRole?.configuration ?? {};
  const light = access.roleType === 1;
  const canEdit = !light && config.ticket_editing !== false;
  const canTag = canEdit && config.ticket_tag_editing !== false;
  const touchesTags = ['tags', 'additional_tags', 'remove_tags'].some((k) => ticket[k] !== undefined);
  const touchesAssignment = ticket.group_id !== undefined || ticket.assignee_id !== undefined;
  if ((touchesTags && !canTag) || (touchesAssignment && !canEdit)) return FORBIDDEN;
  return null;
}

export function userFields(access: ZendeskAccess) {
  return {
    role: access.role,
    role_type: access.roleType,
    custom_role_id: access.customRole?.id ?? null,
    restricted_agent: access.role !== 'admin',
  };
}
