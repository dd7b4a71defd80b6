// Tooltips drawn from data-tip (app/styles/primitives.css) show on hover; after a click the pointer is still there, so the tip
// would stay over whatever the click made. This hides it until the pointer leaves the control or focus moves on.
// It only sets an attribute on the control: never reads or changes anything else.

/** Hides `el`'s tip until the pointer leaves it or it loses focus. */
export function hideTipUntilLeave(el: HTMLElement): void {
  el.setAttribute('data-tip-off', '');
  const show = () => {
    el.removeAttribute('data-tip-off');
    el.removeEventListener('pointerleave', show);
    el.removeEventListener('blur', show);
  };
  el.addEventListener('pointerleave', show);
  el.addEventListener('blur', show);
}
