import {
  bundleIcon,
  BuildingShop20Filled,
  BuildingShop20Regular,
  ArrowSync20Filled,
  ArrowSync20Regular,
  ChartMultiple20Filled,
  ChartMultiple20Regular,
  DatabaseArrowUp20Filled,
  DatabaseArrowUp20Regular,
  DataTrending20Filled,
  DataTrending20Regular,
  HatGraduation20Filled,
  HatGraduation20Regular,
  Money20Filled,
  Money20Regular,
  ShieldPerson20Filled,
  ShieldPerson20Regular,
} from '@fluentui/react-icons';
import { lazy } from 'react';
import type { PageDef } from './pageTypes';

/**
 * The tab's pages as the shell knows them: route, nav entry and a component loaded the first time
 * the page is opened (its own chunk, with what only it needs: the grid, the Power BI client,
 * charts). The first paint then loads the shell and the one page on screen, not all of them.
 */
export const budgetPage: PageDef = {
  id: 'budget',
  title: 'Budget',
  subtitle: 'Plan budget and forecast sales by business unit, product category, region and quarter.',
  icon: bundleIcon(Money20Filled, Money20Regular),
  Component: lazy(() => import('../pages/budget/BudgetPage').then((m) => ({ default: m.BudgetPage }))),
};

export const kpisPage: PageDef = {
  id: 'kpis',
  title: 'KPIs',
  subtitle: "Track each department's KPIs against their targets.",
  icon: bundleIcon(DataTrending20Filled, DataTrending20Regular),
  Component: lazy(() => import('../pages/kpis/KpisPage').then((m) => ({ default: m.KpisPage }))),
};

export const reportsPage: PageDef = {
  id: 'reports',
  title: 'Reports',
  subtitle: 'Power BI reports filtered to the business units, stores and departments you can see.',
  icon: bundleIcon(ChartMultiple20Filled, ChartMultiple20Regular),
  Component: lazy(() => import('../pages/reports/ReportsPage').then((m) => ({ default: m.ReportsPage }))),
};

export const storesPage: PageDef = {
  id: 'stores',
  title: 'Stores',
  subtitle: 'Sales, transactions and labour of the stores you can see, by week and day part.',
  icon: bundleIcon(BuildingShop20Filled, BuildingShop20Regular),
  Component: lazy(() => import('../pages/stores/StoresPage').then((m) => ({ default: m.StoresPage }))),
};

export const trainingPage: PageDef = {
  id: 'training',
  title: 'Training',
  subtitle: 'Training days, recordings and your progress.',
  icon: bundleIcon(HatGraduation20Filled, HatGraduation20Regular),
  Component: lazy(() => import('../pages/training/TrainingPage').then((m) => ({ default: m.TrainingPage }))),
};

export const operationsPage: PageDef = {
  id: 'operations',
  title: 'Operations',
  subtitle: 'Power BI workspaces, semantic model refreshes and schedules.',
  icon: bundleIcon(ArrowSync20Filled, ArrowSync20Regular),
  audience: 'admins',
  Component: lazy(() => import('../pages/operations/OperationsPage').then((m) => ({ default: m.OperationsPage }))),
};

export const accessPage: PageDef = {
  id: 'access',
  title: 'Access',
  subtitle: 'Users, scopes and the access they have been granted.',
  icon: bundleIcon(ShieldPerson20Filled, ShieldPerson20Regular),
  audience: 'admins',
  Component: lazy(() => import('../pages/access/AccessPage').then((m) => ({ default: m.AccessPage }))),
};

export const dataPage: PageDef = {
  id: 'data',
  title: 'Data',
  subtitle: 'Store sales from OneDrive, the store master from Dataverse, uploads and each run’s data-quality report.',
  icon: bundleIcon(DatabaseArrowUp20Filled, DatabaseArrowUp20Regular),
  audience: 'admins',
  Component: lazy(() => import('../pages/data/DataPage').then((m) => ({ default: m.DataPage }))),
};
