import { describe, expect, it } from 'vitest';
import { loadSpec, specFile, validateRequest, validateResponse } from '@/test/contracts/openapi';

describe('contract specs', () => {
  it('resolves the shared specs next to the repository and loads each once', () => {
    expect(specFile('front')).toMatch(/\/shared\/specs\/front\/core-api\.json$/);
    expect(specFile('zendesk')).toMatch(/\/shared\/specs\/zendesk\/openapi-src\.yaml$/);
    expect(loadSpec('zendesk')).toBe(loadSpec('zendesk'));
    expect(loadSpec('front')).toBe(loadSpec('front'));
  });
});

describe('Zendesk requests', () => {
  const zd = () => loadSpec('zendesk');
  const note = { ticket: { comment: { body: 'x', public: false }, group_id: 2 } };

  it('accepts an internal note with a group, with and without .json', () => {
    expect(validateRequest(zd(), { method: 'PUT', path: '/api/v2/tickets/1', body: note })).toEqual({
      operationId: 'UpdateTicket',
      errors: [],
    });
    expect(validateRequest(zd(), { method: 'put', path: '/api/v2/tickets/1.json', body: note })).toEqual({
      operationId: 'UpdateTicket',
      errors: [],
    });
  });

  it('names every field of a body that does not match the schema', () => {
    const r = validateRequest(zd(), {
      method: 'PUT',
      path: '/api/v2/tickets/1',
      body: { ticket: { comment: { body: 5, public: 'no' }, group_id: 'two' } },
    });
    expect(r.operationId).toBe('UpdateTicket');
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'body.ticket.comment.body must be string',
        'body.ticket.comment.public must be boolean',
        'body.ticket.group_id must be integer',
      ]),
    );
  });

  it('rejects a path or method the spec does not have', () => {
    expect(validateRequest(zd(), { method: 'GET', path: '/api/v2/tickets/1/escalate' })).toEqual({
      errors: ['no operation for GET /api/v2/tickets/1/escalate'],
    });
    expect(validateRequest(zd(), { method: 'PATCH', path: '/api/v2/tickets/1' }).errors).toEqual([
      'no operation for PATCH /api/v2/tickets/1',
    ]);
  });

  it('matches static paths before templates, and paths the spec lists with .json', () => {
    expect(validateRequest(zd(), { method: 'GET', path: '/api/v2/users/me.json' }).operationId).toBe('ShowCurrentUser');
    expect(validateRequest(zd(), { method: 'GET', path: '/api/v2/groups/assignable' }).operationId).toBe('ListAssignableGroups');
    expect(validateRequest(zd(), { method: 'GET', path: '/api/lotus/assignables/groups.json' }).errors).toEqual([]);
    expect(validateRequest(zd(), { method: 'PUT', path: '/api/v2/tickets/7/tags.json', body: { tags: ['sys_escalation'] } })).toEqual({
      operationId: 'PutTagsTicket',
      errors: [],
    });
  });

  it('checks declared query parameters, allows documented pagination, and rejects the unknown', () => {
    expect(validateRequest(zd(), { method: 'GET', path: '/api/v2/users', query: { 'role[]': ['agent', 'admin'] } }).errors).toEqual([]);
    expect(validateRequest(zd(), { method: 'GET', path: '/api/v2/users?role[]=agent' }).errors).toEqual([]);
    expect(validateRequest(zd(), { method: 'GET', path: '/api/v2/users', query: { role: 'wizard' } }).errors[0]).toMatch(
      /^query\.role must be equal to one of/,
    );
    expect(
      validateRequest(zd(), {
        method: 'GET',
        path: '/api/v2/tickets/1/comments.json',
        query: { 'page[size]': '100', 'page[after]': 'abc', sort: '-created_at', include: 'users' },
      }).errors,
    ).toEqual([]);
    expect(validateRequest(zd(), { method: 'GET', path: '/api/v2/tickets/1/comments', query: { bogus: '1' } }).errors).toEqual([
      'query must NOT have additional properties: bogus',
    ]);
  });

  it('validates responses against the documented schema', () => {
    expect(
      validateResponse(zd(), 'ShowCurrentUser', 200, { user: { id: 1, name: 'Dana Agent', email: 'dana@acme-support.example' } }),
    ).toEqual([]);
    expect(validateResponse(zd(), 'ShowCurrentUser', 200, { user: { id: 'one', name: 'Dana' } })).toContain(
      'response.user.id must be integer',
    );
    expect(validateResponse(zd(), 'ShowCurrentUser', 201, {})[0]).toMatch(/documents no 201 response/);
    expect(validateResponse(zd(), 'ShowCurrentUser', 404, { error: 'RecordNotFound', description: 'Not found' })).toEqual([]);
    expect(validateResponse(zd(), 'NoSuchOperation', 200, {})).toEqual(['unknown operation NoSuchOperation']);
  });
});

describe('Front requests', () => {
  const front = () => loadSpec('front');

  it('requires tag_ids to add tags (TagIds schema), not tag names', () => {
    expect(validateRequest(front(), { method: 'POST', path: '/conversations/cnv_1/tags', body: { tag_ids: ['tag_1'] } })).toEqual({
      operationId: 'add-conversation-tag',
      errors: [],
    });
    const byName = validateRequest(front(), { method: 'POST', path: '/conversations/cnv_1/tags', body: { tags: ['x'] } });
    expect(byName.errors).toEqual(["body must have required property 'tag_ids'"]);
    expect(validateRequest(front(), { method: 'POST', path: '/conversations/cnv_1/tags' }).errors).toEqual([
      'body is required (with tag_ids)',
    ]);
  });

  it('accepts the calls an escalation makes, full URLs included', () => {
    const ok = [
      { method: 'DELETE', path: '/conversations/cnv_1/tags', body: { tag_ids: ['tag_1'] } },
      { method: 'POST', path: '/conversations/cnv_1/comments', body: { body: 'Escalated: **billing**' } },
      { method: 'PATCH', path: '/conversations/cnv_1', body: { inbox_id: 'inb_1', assignee_id: 'tea_1' } },
      // "Set it to null to unassign", says the spec's own description.
      { method: 'PUT', path: '/conversations/cnv_1/assignee', body: { assignee_id: null } },
      { method: 'GET', path: 'https://api2.frontapp.com/conversations/cnv_1/messages?limit=100&page_token=abc' },
      { method: 'GET', path: '/me' },
    ];
    for (const req of ok) expect(validateRequest(front(), req).errors, `${req.method} ${req.path}`).toEqual([]);
  });

  it('rejects wrong types and unknown paths', () => {
    expect(validateRequest(front(), { method: 'PATCH', path: '/conversations/cnv_1', body: { status: 'closed' } }).errors[0]).toMatch(
      /^body\.status must be equal to one of/,
    );
    expect(validateRequest(front(), { method: 'POST', path: '/conversations/cnv_1/move', body: { inbox_id: 'inb_1' } }).errors).toEqual([
      'no operation for POST /conversations/cnv_1/move',
    ]);
  });

  it('validates responses', () => {
    expect(validateResponse(front(), 'add-conversation-tag', 204, undefined)).toEqual([]);
    expect(validateResponse(front(), 'list-conversation-messages', 200, { _results: [{ id: 5 }] })).toContain(
      'response._results.0.id must be string',
    );
  });
});
