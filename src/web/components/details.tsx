import type { ReactNode } from "react";

/** A record's fields as a description list (term, then value). */
export function Details({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="details">
      {items.map((item) => (
        <div key={item.label} className="details-row">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
