import type { ReactNode } from 'react';

export function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} className="section" aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro !== undefined && <p className="section-intro">{intro}</p>}
      {children}
    </section>
  );
}
