import type { Platform } from '@/lib/schema/conversation';
import { metaFor } from '@/lib/platforms/metas';
import { setField } from './state/store';

/** One click to the stop tag the helpdesk's own bot already obeys (from the platform's meta); nothing otherwise. */
export function StopTagPresets({ platform, value }: { platform: Platform; value: string }) {
  const presets = metaFor(platform).stopTagPresets ?? [];
  if (!presets.length) return null;
  return (
    <div className="field-help" data-testid={`stop-tag-presets-${platform}`}>
      {presets.map((p) => (
        <p key={p.tag}>
          <button
            type="button"
            className="btn"
            data-testid={`stop-tag-preset-${platform}-${p.tag}`}
            disabled={value === p.tag}
            onClick={() => setField(`policy.suspend.pause.${platform}.stopTag`, p.tag)}
          >
            Use {p.tag} ({p.label})
          </button>{' '}
          {p.hint}
        </p>
      ))}
    </div>
  );
}
