import { policyStore } from '@/utils/storage';

/**
 * The policy version a stored policy was upgraded from, so the page can tell the team lead their saved
 * settings were migrated; null when nothing was upgraded (or the team lead has seen the notice).
 */
export function storedPolicyVersion(): Promise<number | null> {
  return policyStore.migratedFrom();
}
