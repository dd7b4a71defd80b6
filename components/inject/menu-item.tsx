// The items of a WAI-ARIA menu (the call's context menu, the scenarios menu, Export): a plain menu item with an
// optional leading icon, and a radio item with its check mark. Native buttons, so Enter and Space act on them.
import type { ButtonHTMLAttributes, ReactNode } from 'react';

type ItemProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'role' | 'className'>;

/** A menu item; `icon` fills the leading icon column (`iconClass` adds a class to it), `danger` marks a destructive item. */
export function MenuItem({
  icon,
  iconClass,
  danger = false,
  tabIndex = -1,
  children,
  ...rest
}: ItemProps & { icon?: ReactNode; iconClass?: string; danger?: boolean }) {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={tabIndex}
      className={danger ? 'tw-menu__item tw-menu__item--danger' : 'tw-menu__item'}
      {...rest}
    >
      {icon !== undefined && (
        <span className={iconClass === undefined ? 'tw-menu__icon' : `tw-menu__icon ${iconClass}`} aria-hidden="true">
          {icon}
        </span>
      )}
      {children}
    </button>
  );
}

/** A radio item of a menu group: one of the group is checked. */
export function MenuRadio({ checked, children, ...rest }: Omit<ItemProps, 'aria-checked'> & { checked: boolean }) {
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={checked}
      tabIndex={-1}
      className="tw-menu__item tw-menu__item--radio"
      {...rest}
    >
      <span className="tw-menu__check" aria-hidden="true" />
      {children}
    </button>
  );
}
