import type { Platform } from '@/lib/schema/conversation';
import type { Target, TargetKind } from '@/lib/schema/target';
import { PLATFORM_LABELS } from './state/form';
import { metaFor } from '@/lib/platforms/metas';
import { useOptions } from './state/store';
import type { ControlProps } from './Field';

const KIND_GROUP: Record<TargetKind, string> = { inbox: 'Inboxes', team: 'Teams', group: 'Groups', user: 'Users', view: 'Views' };
/** The platform's own word for a kind of target ("Agents", "Teammates"), from its meta. */
const groupLabel = (p: Platform, kind: TargetKind) => metaFor(p).targetKinds.find((k) => k.kind === kind)?.label ?? KIND_GROUP[kind];
const ORDER: TargetKind[] = ['team', 'group', 'inbox', 'user', 'view'];

const targetValue = (t: Target | null) => (t ? `${t.kind}:${t.id}` : '');

/** A routing target from the helpdesk's live list; a saved target stays selectable even before the list loads. */
export function TargetPicker({
  platform,
  value,
  onChange,
  control,
  emptyLabel,
  kinds = ORDER,
  anyView = false,
}: {
  platform: Platform;
  value: Target | null;
  onChange: (t: Target | null) => void;
  control: ControlProps;
  emptyLabel: string;
  kinds?: TargetKind[];
  /** Views without a tag are selectable too (watched, not routed to: routing needs the view's tag). */
  anyView?: boolean;
}) {
  const list = useOptions((s) => s.targets[platform]);
  const items = list.items.filter((t) => kinds.includes(t.kind));
  const known = value && items.some((t) => targetValue(t) === targetValue(value));
  return (
    <select
      {...control}
      value={targetValue(value)}
      data-list-state={list.state}
      onChange={(e) => {
        const v = e.target.value;
        onChange(v === targetValue(value) ? value : (items.find((t) => targetValue(t) === v) ?? null));
      }}
    >
      <option value="">{emptyLabel}</option>
      {value && !known && <option value={targetValue(value)}>{value.name} (saved)</option>}
      {list.state !== 'ready' && (
        <option value="" disabled>
          {list.state === 'loading'
            ? `Loading the ${PLATFORM_LABELS[platform]} list…`
            : `Load the ${PLATFORM_LABELS[platform]} list under Routing to see more`}
        </option>
      )}
      {kinds.map((kind) => {
        const ofKind = items.filter((t) => t.kind === kind);
        if (!ofKind.length) return null;
        return (
          <optgroup key={kind} label={groupLabel(platform, kind)}>
            {ofKind.map((t) => (
              <option key={targetValue(t)} value={targetValue(t)} disabled={!anyView && t.kind === 'view' && !t.viewTag}>
                {t.name}
                {t.kind === 'view' && !t.viewTag ? ' (cannot be matched by a tag)' : ''}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
