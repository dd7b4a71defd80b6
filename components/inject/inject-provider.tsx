'use client';
// Hosts one-click injection on the canvas: the shared "every attempt / first attempt only" choice and the node
// context menu, opened by a right-click on a call or, on a focused call, by Shift+F10 or the ContextMenu key.
// Wrap the canvas with it (inside its ReactFlowProvider); the node toolbar reads the same store.
import dynamic from 'next/dynamic';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useAppStoreApi } from '@/lib/store/provider';
import { createInjectStore, type InjectUiStore } from './inject-store';
import { NODE_SELECTOR } from './menu-keys';
import { useStore } from 'zustand';

// The menu's code loads when a menu is first opened, not with the page.
const NodeMenu = dynamic(() => import('./node-menu').then((m) => m.NodeMenu), { ssr: false });

const InjectStoreContext = createContext<InjectUiStore | null>(null);

/** The canvas's injection store, or null outside an InjectProvider. */
export function useInjectStore(): InjectUiStore | null {
  return useContext(InjectStoreContext);
}

/** The call node an event happened on, if it is on the canvas. */
function callNodeOf(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const node = target.closest<HTMLElement>(NODE_SELECTOR);
  return node !== null && node.closest('.tw-canvas-editor') !== null ? node : null;
}

function isMenuKey(e: KeyboardEvent): boolean {
  return e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey);
}

export function InjectProvider({ children }: { children: ReactNode }) {
  const app = useAppStoreApi();
  const [store] = useState(createInjectStore);
  const menu = useStore(store, (s) => s.menu);

  useEffect(() => {
    const open = (node: HTMLElement, at: { x: number; y: number } | null) => {
      const callId = node.getAttribute('data-id');
      if (callId === null) return;
      const r = node.getBoundingClientRect();
      const point = at ?? { x: r.left + 12, y: r.bottom + 6 };
      app.getState().select([callId]);
      store.getState().openMenu({ callId, x: point.x, y: point.y });
    };
    const onContextMenu = (e: MouseEvent) => {
      const node = callNodeOf(e.target);
      if (node === null) return;
      e.preventDefault();
      // A keyboard's context-menu event (no pointer position) may follow the key press that already opened it.
      const fromKeyboard = e.clientX === 0 && e.clientY === 0;
      if (fromKeyboard && store.getState().menu?.callId === node.getAttribute('data-id')) return;
      open(node, fromKeyboard ? null : { x: e.clientX, y: e.clientY });
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isMenuKey(e)) return;
      const node = callNodeOf(e.target);
      if (node === null) return;
      e.preventDefault();
      open(node, null);
    };
    document.addEventListener('contextmenu', onContextMenu);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('contextmenu', onContextMenu);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [app, store]);

  return (
    <InjectStoreContext.Provider value={store}>
      {children}
      {menu !== null && <NodeMenu key={`${menu.callId}@${menu.x},${menu.y}`} store={store} menu={menu} />}
    </InjectStoreContext.Provider>
  );
}
