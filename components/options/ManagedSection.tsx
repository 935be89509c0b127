import { describePath } from './state/labels';
import { useOptions } from './state/store';
import { Section } from './Section';

export function ManagedSection() {
  const managed = useOptions((s) => s.managed);
  return (
    <Section
      id="managed"
      title="Managed policy"
      intro="An administrator can push the policy through the browser's enterprise policy (the extension's managed storage, key policy, in the same format as an export). Fields set there are locked on this page."
    >
      {managed.length ? (
        <div data-testid="managed-fields">
          <p>Set by your administrator:</p>
          <ul>
            {managed.map((k) => (
              <li key={k}>{describePath(k)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p data-testid="managed-fields">Nothing is managed in this browser; every field can be changed here.</p>
      )}
    </Section>
  );
}
