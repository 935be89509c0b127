import { useEffect } from 'react';
import { flushDraft } from './state/draft';
import { isDirty, useOptions } from './state/store';

/**
 * Leaving with unsaved changes asks first; the draft is flushed either way so even a forced close or a
 * crash keeps what was typed (secrets excepted: they are never written anywhere but on Save).
 */
export function useLeaveGuard(): void {
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      void flushDraft();
      if (!isDirty(useOptions.getState())) return;
      e.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      e.returnValue = '';
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') void flushDraft();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);
}
