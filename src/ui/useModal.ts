import { useEffect, useRef } from 'react';

/**
 * Shows a <dialog> as modal while mounted: the browser traps focus inside it, makes the rest of
 * the page inert and closes it on Escape (reported through `onCancel`).
 */
export function useModal(onCancel: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef(onCancel);
  useEffect(() => {
    latest.current = onCancel;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // a tap that opened the dialog can still move focus back to the page: bring it inside
    const frame = requestAnimationFrame(() => {
      if (!dialog.contains(document.activeElement)) dialog.focus();
    });
    const cancel = (e: Event) => {
      e.preventDefault();
      latest.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      cancelAnimationFrame(frame);
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  return ref;
}
