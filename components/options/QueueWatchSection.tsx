import { browser } from 'wxt/browser';
import { metaFor } from '@/lib/platforms/metas';
import { Field, LockGroup } from './Field';
import { SchemaField } from './SchemaField';
import { Section } from './Section';
import { TargetPicker } from './TargetPicker';
import { FORM_PLATFORMS, PLATFORM_LABELS } from './state/form';
import { setField } from './state/store';
import { useOptions } from './state/store';

/** Queue watch: which inbox or view holds the bot's open conversations, how often Baton looks, at what cost. */
export function QueueWatchSection() {
  const targets = useOptions((s) => s.form.policy.watch.targets);
  return (
    <Section
      id="queue-watch"
      title="Queue watch"
      intro={
        <>
          Baton can check every conversation the bot is handling, not only the one open in a tab, and list those that need a person on the{' '}
          <a href="needs-human.html" target="_blank" rel="noopener" data-testid="open-needs-human">
            Needs a human
          </a>{' '}
          page. It reads only conversations that changed since its last look, and only while a tab of that helpdesk is open.
        </>
      }
    >
      <LockGroup field="watch" legend="Queue watch">
        <SchemaField path="policy.watch.enabled" />
        {FORM_PLATFORMS.map((p) => {
          const watch = metaFor(p).watch;
          if (!watch) return null;
          return (
            <Field
              key={p}
              path={`policy.watch.targets.${p}`}
              label={`${PLATFORM_LABELS[p]}: watched ${watch.label.toLowerCase()}`}
              help={`Where the bot’s open conversations are. Budget: ${watch.source}.`}
            >
              {(control) => (
                <TargetPicker
                  platform={p}
                  value={targets[p] ?? null}
                  control={control}
                  kinds={[watch.kind]}
                  anyView
                  emptyLabel="Not watched"
                  onChange={(t) => setField(`policy.watch.targets.${p}`, t)}
                />
              )}
            </Field>
          );
        })}
        <SchemaField path="policy.watch.intervalMinutes" />
        <SchemaField path="policy.watch.rateSharePercent" />
        <SchemaField
          path="policy.watch.desktopNotifications"
          onChange={(on) => {
            setField('policy.watch.desktopNotifications', on);
            // Asked at the click (a user gesture); a refusal leaves the list and the badge, without notifications.
            if (on) void browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
          }}
        />
      </LockGroup>
    </Section>
  );
}
