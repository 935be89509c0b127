import type { Policy } from '../../schema/policy';
import { parseInstruction, type Instruction } from './instruction';
import { buildScope, type ScopeModel } from '../scope/judge';

/** What the offline engine derives from a policy once: scope vocabularies and the parsed instruction. */
export interface CompiledPolicy {
  scope: ScopeModel;
  subAgentModels: ScopeModel[];
  instructions: Instruction[];
}

// Keyed by the policy object (and the scope override), so re-checks and long conversations do no setup again;
// a WeakMap lets a replaced policy be garbage-collected with its compiled form.
const compiled = new WeakMap<Policy, Map<string, CompiledPolicy>>();

export function compilePolicy(policy: Policy, scopeText: string): CompiledPolicy {
  let byScope = compiled.get(policy);
  if (!byScope) compiled.set(policy, (byScope = new Map()));
  let c = byScope.get(scopeText);
  if (!c) {
    c = {
      scope: buildScope(scopeText, policy.subAgents),
      subAgentModels: policy.subAgents.map((s) => buildScope(s.description, [{ ...s, description: '' }])),
      instructions: parseInstruction(policy.customInstruction),
    };
    // The CLI passes a scope per line; keep the memory of one policy bounded.
    if (byScope.size > 50) byScope.clear();
    byScope.set(scopeText, c);
  }
  return c;
}
