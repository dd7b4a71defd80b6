'use client';
// The Export menu in the top bar: "Plan file (JSON)" downloads the plan; "Code…" opens the code export dialog,
// whose module (the runtime's source, the generators, the grammars) loads only then. Menu keys follow the WAI-ARIA
// menu-button pattern: Enter, Space or ArrowDown open it, arrows move, Escape closes and returns to the button.
import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Plan } from '@/lib/plan';
import { MenuItem } from '../inject/menu-item';
import { focusItem, handleMenuNavigation } from '../inject/menu-keys';

const loadDialog = () => import('./code-dialog');
const CodeDialog = lazy(loadDialog);

export function ExportMenu({ getPlan, onExportFile }: { getPlan: () => Plan; onExportFile: () => void }) {
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState<Plan | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    // The dialog's code starts loading as soon as the menu shows, so "Code…" opens without a wait.
    void loadDialog();
    const r = button.current?.getBoundingClientRect();
    if (r !== undefined && menu.current !== null) {
      menu.current.style.top = `${r.bottom + 4}px`;
      menu.current.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - menu.current.offsetWidth - 8))}px`;
    }
    focusItem(menu.current, 0);
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
    else handleMenuNavigation(e, menu.current);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="tw-button tw-button--quiet tw-file-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title="Download this plan as a JSON file, or as code"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Export
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label="Export" className="tw-menu" onKeyDown={onMenuKey}>
          <MenuItem
            tabIndex={0}
            onClick={() => {
              close(true);
              onExportFile();
            }}
          >
            Plan file (JSON)
          </MenuItem>
          <MenuItem
            tabIndex={0}
            onClick={() => {
              close(false);
              setPlan(getPlan());
            }}
          >
            Code…
          </MenuItem>
        </div>
      )}
      {plan !== null && (
        <Suspense fallback={null}>
          <CodeDialog
            plan={plan}
            onClose={() => {
              setPlan(null);
              // After the dialog is gone (closing a <dialog> hands focus back to what opened it: the menu item, gone too).
              setTimeout(() => button.current?.focus(), 0);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
