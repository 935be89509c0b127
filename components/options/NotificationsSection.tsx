import { Section } from './Section';

/** Webhooks told about each escalation (Slack or generic JSON). */
export function NotificationsSection() {
  return (
    <Section id="notifications" title="Notifications" intro="Tell a Slack channel or another service about each escalation.">
      {null}
    </Section>
  );
}
