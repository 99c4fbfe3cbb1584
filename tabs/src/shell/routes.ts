import { accessPage, budgetPage, dataPage, kpisPage, operationsPage, reportsPage, storesPage, trainingPage } from './pageCatalog';
import type { PageDef } from './pageTypes';

/** The tab's pages in nav order (admin pages last, under "Administration"). Each is at `index.html#/<id>`. */
export const pages: readonly PageDef[] = [
  budgetPage,
  kpisPage,
  reportsPage,
  storesPage,
  trainingPage,
  operationsPage,
  dataPage,
  accessPage,
];

export const DEFAULT_PAGE = budgetPage.id;

/** The channel-tab configuration page (`#/config`), rendered without the shell. */
export const CONFIG_ROUTE = 'config';

export function findPage(id: string): PageDef | undefined {
  return pages.find((p) => p.id === id);
}
