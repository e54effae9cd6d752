import { useId, type ReactNode } from 'react';

/** A form in a panel, named by its heading, that submits without reloading the page. */
export function FormPanel({ title, onSubmit, children }: { title: string; onSubmit: () => void; children: ReactNode }) {
  const headingId = useId();
  return (
    <form
      className="panel"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
    </form>
  );
}
