import {
  Caption1,
  makeStyles,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  tokens,
} from '@fluentui/react-components';
import type { Actuals } from '@planboard/contracts';
import { useMemo, useState } from 'react';
import type { BudgetEditModel } from '../../grid/editModel';
import { formatAmount } from '../../grid/numbers';
import { grandTotal, subtotals, type SubtotalDimension } from '../../grid/subtotals';
import { subtotalInput } from '../../grid/view/rows';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Columns as wide as their numbers (no truncation), numbers apart from each other.
  table: { tableLayout: 'auto' },
  number: {
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    paddingLeft: tokens.spacingHorizontalM,
  },
  /** The total row stands apart: a rule above, a recessed background, semibold. */
  total: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    '& td': { borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
    ':hover': { backgroundColor: tokens.colorNeutralBackground3 },
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

const dimensions: { value: SubtotalDimension; label: string }[] = [
  { value: 'category', label: 'Category' },
  { value: 'region', label: 'Region' },
  { value: 'quarter', label: 'Quarter' },
];

/** The model to sum (and its version, so the sums follow every change). */
export interface SubtotalsPanelProps {
  model: BudgetEditModel;
  /** The model's version: subtotals follow every edit and sync. */
  version: number;
  actuals: Actuals;
}

/** Budget, forecast and prior-year actuals summed by category, region or quarter (unsaved edits included). */
export function SubtotalsPanel({ model, version, actuals }: SubtotalsPanelProps) {
  const s = useStyles();
  const [dimension, setDimension] = useState<SubtotalDimension>('category');
  const { rows, total } = useMemo(() => {
    const input = subtotalInput(model, actuals);
    return { rows: subtotals(input, dimension), total: grandTotal(input) };
    // `version` changes whenever the model does.
  }, [model, actuals, dimension, version]);
  // Unknown actuals show a dash; blank amounts (every cell of the group blank) show nothing, as in the grid.
  const money = (value: number | null) => (value === null ? '—' : formatAmount(value));
  const amount = (value: number | null) => (value === null ? '' : formatAmount(value));
  const label = dimensions.find((item) => item.value === dimension)?.label ?? '';
  return (
    <section className={s.root} aria-label="Subtotals" data-testid="subtotals">
      <TabList
        size="small"
        selectedValue={dimension}
        onTabSelect={(_, data) => setDimension(data.value as SubtotalDimension)}
        aria-label="Subtotal by"
      >
        {dimensions.map((item) => (
          <Tab key={item.value} value={item.value}>
            {item.label}
          </Tab>
        ))}
      </TabList>
      <Table className={s.table} size="extra-small" aria-label={`Subtotals by ${label.toLowerCase()}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{label}</TableHeaderCell>
            <TableHeaderCell className={s.number}>Budget</TableHeaderCell>
            <TableHeaderCell className={s.number}>Forecast</TableHeaderCell>
            <TableHeaderCell className={s.number}>Actual PY</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} data-group={row.key}>
              <TableCell>{row.key}</TableCell>
              <TableCell className={s.number}>{amount(row.budgetAmount)}</TableCell>
              <TableCell className={s.number}>{amount(row.forecastSales)}</TableCell>
              <TableCell className={s.number}>{money(row.actualSales)}</TableCell>
            </TableRow>
          ))}
          <TableRow className={s.total} data-testid="subtotals-total">
            <TableCell>Total</TableCell>
            <TableCell className={s.number}>{amount(total.budgetAmount)}</TableCell>
            <TableCell className={s.number}>{amount(total.forecastSales)}</TableCell>
            <TableCell className={s.number}>{money(total.actualSales)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Caption1 className={s.hint}>Includes your unsaved changes; rejected cells count with their saved value.</Caption1>
    </section>
  );
}
