import { businessUnits } from './directory';

export const productCategories = ['Laptops', 'Desktops', 'Servers', 'Networking', 'Storage', 'Software'] as const;
export const regions = ['North America', 'Europe', 'Asia Pacific', 'Latin America', 'Middle East & Africa'] as const;
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

/** BU × 6 categories × 5 regions × 4 quarters = 600 lines with plausible round figures. */
export function sampleBudgetLines(planId = samplePlanId): SampleBudgetLine[] {
  const random = prng(2027);
  const lines: SampleBudgetLine[] = [];
  for (const bu of businessUnits) {
    for (const category of productCategories) {
      for (const region of regions) {
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
