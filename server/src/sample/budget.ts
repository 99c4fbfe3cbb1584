import { businessUnits } from './directory';

/**
 * What each business unit plans, so a newcomer sees a plan that fits it: the sales units plan the
 * café chain's product lines in their own countries (Sales North runs the Nordic stores, Sales South
 * the southern European ones); the cost units plan their spending per market area and head office.
 */
export interface BusinessUnitPlanShape {
  categories: readonly string[];
  regions: readonly string[];
}

/** The product lines the stores sell (sales units, and the store model's categories). */
export const productCategories = ['Coffee', 'Bakery', 'Salads', 'Cold drinks', 'Snacks', 'Sandwiches'] as const;
const marketAreas = ['Nordics', 'Iberia', 'Italy', 'Greece', 'Head office'] as const;

export const budgetPlanShapes: Readonly<Record<string, BusinessUnitPlanShape>> = {
  'sales-north': { categories: productCategories, regions: ['Norway', 'Sweden', 'Denmark', 'Finland', 'Iceland'] },
  'sales-south': { categories: productCategories, regions: ['Spain', 'Portugal', 'Italy', 'Greece', 'Croatia'] },
  marketing: {
    categories: ['Campaigns', 'Brand', 'Events', 'Digital ads', 'Sponsorship', 'Loyalty programme'],
    regions: marketAreas,
  },
  operations: {
    categories: ['Energy', 'Cleaning', 'Logistics', 'Equipment', 'Training', 'Store maintenance'],
    regions: marketAreas,
  },
  finance: { categories: ['Banking fees', 'Audit', 'Legal', 'Insurance', 'Tax advisory', 'Licences'], regions: marketAreas },
};

/** The categories and regions a business unit plans (every sample BU has a shape). */
export function planShapeOf(scopeId: string): BusinessUnitPlanShape {
  const shape = budgetPlanShapes[scopeId];
  if (!shape) throw new Error(`The sample tenant has no budget plan shape for ${scopeId}`);
  return shape;
}

export const quarters = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
/** The plan the sample tenant is editing. */
export const samplePlanId = 'fy2027';

export interface SampleBudgetLine {
  planId: string;
  scopeId: string;
  category: string;
  region: string;
  quarter: string;
  budgetAmount: number;
  forecastSales: number;
  comments: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so every machine seeds the same plan. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** BU × its 6 categories × its 5 regions × 4 quarters = 600 lines with plausible round figures. */
export function sampleBudgetLines(planId = samplePlanId): SampleBudgetLine[] {
  const random = prng(2027);
  const lines: SampleBudgetLine[] = [];
  for (const bu of businessUnits) {
    const shape = planShapeOf(bu.id);
    for (const category of shape.categories) {
      for (const region of shape.regions) {
        for (const quarter of quarters) {
          const budgetAmount = Math.round((20_000 + random() * 180_000) / 500) * 500;
          const forecastSales = Math.round((budgetAmount * (1.1 + random() * 0.8)) / 500) * 500;
          lines.push({ planId, scopeId: bu.id, category, region, quarter, budgetAmount, forecastSales, comments: '' });
        }
      }
    }
  }
  return lines;
}
