import type { Platform } from '@/lib/schema/conversation';
import { metaFor } from '@/lib/platforms/metas';
import { FORM_PLATFORMS, PLATFORM_LABELS } from './state/form';
import { setField, useOptions } from './state/store';
import { Field, LockGroup } from './Field';
import { SchemaField } from './SchemaField';
import { Section } from './Section';
import { StopTagPresets } from './StopTagPresets';
import { TargetPicker } from './TargetPicker';

export function SuspendSection() {
  return (
    <Section
      id="suspend"
      title="Suspend afterwards"
      intro="After escalating, Baton can pause the bot on that conversation so it stops answering; Return to bot in the sidebar undoes exactly this."
    >
      <LockGroup field="suspend" legend="Pausing the bot">
        <SchemaField path="policy.suspend.enabled" />
        <SchemaField path="policy.suspend.keepTagsOnReturn" />
        <div className="platform-grid">
          {FORM_PLATFORMS.map((p) => (
            <PlatformPause key={p} platform={p} />
          ))}
        </div>
      </LockGroup>
    </Section>
  );
}

function PlatformPause({ platform }: { platform: Platform }) {
  const pause = useOptions((s) => s.form.policy.suspend.pause[platform]);
  const base = `policy.suspend.pause.${platform}` as const;
  const label = PLATFORM_LABELS[platform];
  const ctx = <span className="sr-only"> in {label}</span>;
  return (
    <fieldset className="card group">
      <legend>{label}</legend>
      <SchemaField path={`${base}.stopTag`} context={ctx} />
      <StopTagPresets platform={platform} value={pause.stopTag} />
      <SchemaField path={`${base}.removeTags`} context={ctx} />
      <PauseTarget platform={platform} value={pause.managingInboxId} />
    </fieldset>
  );
}

/**
 * Platforms whose bot manages conversations by where they sit (an inbox) also pause by moving them out of
 * it; the place is chosen from the platform's live list. Nothing is shown for the others.
 */
function PauseTarget({ platform, value }: { platform: Platform; value: string }) {
  const meta = metaFor(platform);
  const items = useOptions((s) => s.targets[platform].items);
  const spec = meta.pauseTarget;
  if (!spec) return null;
  const current =
    items.find((t) => t.kind === spec.kind && t.id === value) ?? (value ? { platform, kind: spec.kind, id: value, name: value } : null);
  const path = `policy.suspend.pause.${platform}.managingInboxId`;
  return (
    <Field path={path} label={spec.label} help={spec.hint}>
      {(p) => (
        <TargetPicker
          platform={platform}
          kinds={[spec.kind]}
          value={current}
          control={p}
          emptyLabel={spec.emptyLabel}
          onChange={(t) => setField(path, t?.id ?? '')}
        />
      )}
    </Field>
  );
}
