import {
  makeStyles,
  Subtitle2,
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
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { useId, useMemo, useState } from 'react';
import { themes } from '../../theme/themes';
import { useThemeName } from '../../theme/ThemeNameContext';

const useStyles = makeStyles({
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast: the transparent border becomes the outline there.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  head: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  title: { margin: 0, flexGrow: 1 },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  scroll: { overflowX: 'auto' },
});

/** One bar of the chart and one row of its table: the label, the charted value and the table's cells. */
export interface ChartRow {
  key: string;
  label: string;
  value: number;
  /** The value as said in the callout and the table's first figure column. */
  valueText: string;
  /** Further figures of the table, in `columns` order. */
  cells: string[];
}

export interface ChartWithTableProps {
  title: string;
  /** Header of the label column ("Week", "Day part") and of each figure column. */
  labelHeader: string;
  valueHeader: string;
  columns: string[];
  rows: ChartRow[];
  testId: string;
}

/**
 * A bar chart people can look at, and the same figures as a table for reading or a screen reader
 * (Fluent charts; bar colours from the active Teams theme, as SVG attributes cannot take CSS variables).
 */
export function ChartWithTable({ title, labelHeader, valueHeader, columns, rows, testId }: ChartWithTableProps) {
  const s = useStyles();
  const headingId = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const themeName = useThemeName();
  const color = themeName === 'contrast' ? themes[themeName].colorNeutralForeground1 : themes[themeName].colorBrandForeground1;
  const data = useMemo(
    (): VerticalBarChartDataPoint[] =>
      rows.map((row) => ({
        x: row.label,
        y: row.value,
        legend: valueHeader,
        color,
        xAxisCalloutData: row.label,
        yAxisCalloutData: row.valueText,
      })),
    [rows, valueHeader, color],
  );
  return (
    <section className={s.panel} aria-labelledby={headingId} data-testid={testId}>
      <div className={s.head}>
        <Subtitle2 as="h3" id={headingId} className={s.title}>
          {title}
        </Subtitle2>
        <TabList
          size="small"
          selectedValue={view}
          onTabSelect={(_, tab) => setView(tab.value === 'table' ? 'table' : 'chart')}
          aria-label={`${title}: show as`}
        >
          <Tab value="chart">Chart</Tab>
          <Tab value="table">Table</Tab>
        </TabList>
      </div>
      {view === 'chart' ? (
        <VerticalBarChart data={data} chartTitle={title} height={240} yAxisTitle={valueHeader} hideLegend wrapXAxisLables />
      ) : (
        <div className={s.scroll}>
          <Table size="small" aria-labelledby={headingId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{labelHeader}</TableHeaderCell>
                <TableHeaderCell className={s.numeric}>{valueHeader}</TableHeaderCell>
                {columns.map((column) => (
                  <TableHeaderCell key={column} className={s.numeric}>
                    {column}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.key}>
                  <TableCell>{row.label}</TableCell>
                  <TableCell className={s.numeric}>{row.valueText}</TableCell>
                  {row.cells.map((cell, index) => (
                    <TableCell key={columns[index] ?? index} className={s.numeric}>
                      {cell}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
