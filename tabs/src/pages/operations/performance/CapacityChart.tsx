import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import type { PerformanceReport } from '@planboard/contracts';
import { themes } from '../../../theme/themes';
import { useThemeName } from '../../../theme/ThemeNameContext';
import { dateTimeText } from '../opsFormat';
import { useOpsStyles } from '../opsStyles';
import { ChartOrTable } from './ChartOrTable';
import { capacityLines } from './performanceData';

/** Capacity utilisation over the same window (from the Fabric Capacity Metrics model). */
export function CapacityChart({ report }: { report: PerformanceReport }) {
  const s = useOpsStyles();
  const themeName = useThemeName();
  const theme = themes[themeName];
  const palette = [theme.colorBrandForeground1, theme.colorPaletteMarigoldForeground1, theme.colorPaletteBerryForeground1];
  const lines = capacityLines(report.capacity);
  const data: LineChartPoints[] = lines.map(([name, points], index) => ({
    legend: name,
    color: themeName === 'contrast' ? theme.colorNeutralForeground1 : palette[index % palette.length],
    data: points.map((point) => ({ x: new Date(point.at), y: point.utilisation })),
  }));
  const peak = report.capacity.reduce((max, point) => Math.max(max, point.utilisation), 0);
  const summary =
    report.capacity.length === 0
      ? 'No capacity readings in this window.'
      : `${lines.length === 1 ? '1 capacity' : `${lines.length} capacities`}; highest utilisation ${Math.round(peak)} %.`;
  const chart =
    report.capacity.length === 0 ? null : (
      <div className={s.chart} data-testid="capacity-chart">
        <LineChart
          data={{ chartTitle: 'Capacity utilisation', lineChartData: data }}
          height={240}
          yAxisTitle="Utilisation %"
          xAxisTitle="Time"
        />
      </div>
    );
  const table = (
    <div className={s.scroll}>
      <Table size="small" aria-label="Capacity utilisation">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Capacity</TableHeaderCell>
            <TableHeaderCell>Time</TableHeaderCell>
            <TableHeaderCell>Utilisation</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.capacity.map((point) => (
            <TableRow key={`${point.capacityId}|${point.at}`}>
              <TableCell>{point.capacityName}</TableCell>
              <TableCell>{dateTimeText(point.at)}</TableCell>
              <TableCell>{Math.round(point.utilisation)} %</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
  return <ChartOrTable title="Capacity utilisation" summary={summary} chart={chart} table={table} />;
}
