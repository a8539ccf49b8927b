import type { ReactNode } from 'react';

/** The end of a flow: a heading that takes focus so screen readers read the outcome. */
export function Done({
  title,
  children,
  testId,
  tone = 'ok',
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  tone?: 'ok' | 'error';
}) {
  return (
    <section className={`auth auth--done auth--${tone}`} data-testid={testId}>
      <h1>{title}</h1>
      <div className="card" role={tone === 'error' ? 'alert' : 'status'}>
        {children}
      </div>
    </section>
  );
}
