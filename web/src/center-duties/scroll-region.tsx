import type { ComponentChildren } from "preact";

/** A wide table that scrolls sideways on a phone: a named region the keyboard can reach and scroll (WCAG 2.1.1). */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
