// Moving a row moves its DOM node, which drops focus; this hook puts it back where it was.
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Returns `keepFocus(id, selector)`: after the next render, focus `selector` inside row `id` of `tbody`. */
export function useRowRefocus(tbody: RefObject<HTMLTableSectionElement | null>) {
  const refocus = useRef<{ id: number; selector: string } | null>(null);
  useLayoutEffect(() => {
    const r = refocus.current;
    if (!r) return;
    refocus.current = null;
    tbody.current?.querySelector<HTMLElement>(`tr[data-id="${r.id}"] ${r.selector}`)?.focus();
  });
  return (id: number, selector: string) => {
    refocus.current = { id, selector };
  };
}
