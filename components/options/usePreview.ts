import { useMemo } from 'react';
import { runPreview, type PreviewResult } from './state/preview';
import { useOptions } from './state/store';

/** The engine's verdict and route for the chosen sample, recomputed whenever the form changes. */
export function usePreview(): PreviewResult {
  const policy = useOptions((s) => s.form.policy);
  const settings = useOptions((s) => s.preview);
  const last = useOptions((s) => s.lastConversation);
  return useMemo(() => runPreview(policy, settings, last), [policy, settings, last]);
}
