import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A button that shows and hides a panel (the disclosure pattern, not an ARIA menu:
 * Tab moves through the panel as through any other content). Escape closes it and
 * gives focus back to the button; a tap outside closes it.
 */
export function useDisclosure(id: string) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return {
    open,
    close: () => setOpen(false),
    root,
    buttonProps: {
      ref: button,
      type: 'button' as const,
      'aria-expanded': open,
      'aria-controls': id,
      onClick: () => setOpen((o) => !o),
    },
    panelProps: { id, hidden: !open },
  };
}
