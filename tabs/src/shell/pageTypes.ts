import type { FluentIcon } from '@fluentui/react-icons';
import type { ComponentType } from 'react';

/** One page of the tab: its route (`#/<id>`), nav entry and component. */
export interface PageDef {
  id: string;
  /** Nav label, `<h1>` and document title. */
  title: string;
  /** Short subtitle shown under the heading. */
  subtitle: string;
  icon: FluentIcon;
  /** Who the page is mainly for (shown as a hint in the nav). */
  audience?: 'admins';
  Component: ComponentType;
}
