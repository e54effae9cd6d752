import type { ReactNode } from 'react';

/**
 * A table in a named region that scrolls sideways on narrow screens and is reachable by keyboard (axe asks for both),
 * with its column headings; the rows are the children.
 */
export function DataTable({ label, columns, children, testId }: { label: string; columns: string[]; children: ReactNode; testId?: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="articles" data-testid={testId}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
