import { CopyButton } from './CopyButton';

export function HandoffMessage({ text }: { text: string }) {
  return (
    <section className="card" aria-labelledby="baton-handoff-title">
      <div className="card-head">
        <h2 id="baton-handoff-title">Message to the customer</h2>
        <CopyButton text={text} label="Copy the message to the customer" />
      </div>
      <p className="handoff" data-testid="handoff">
        {text}
      </p>
      <p className="help">Paste it into the reply box if you want to tell the customer.</p>
    </section>
  );
}
