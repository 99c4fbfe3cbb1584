import { Caption1, Subtitle2, Tab, TabList } from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';
import { useOpsStyles } from '../opsStyles';

/**
 * A panel whose figures can be seen as a chart or as a table: the table is what screen readers
 * and keyboard users read, and what the export holds.
 */
export function ChartOrTable({ title, summary, chart, table }: { title: string; summary: string; chart: ReactNode; table: ReactNode }) {
  const s = useOpsStyles();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const id = useId();
  return (
    <section className={s.panel} aria-labelledby={id}>
      <div className={s.toolbar}>
        <Subtitle2 as="h3" id={id} className={s.sectionTitle}>
          {title}
        </Subtitle2>
        <span className={s.spacer} />
        <TabList
          size="small"
          selectedValue={view}
          onTabSelect={(_, data) => setView(data.value === 'table' ? 'table' : 'chart')}
          aria-label={`${title}: view`}
        >
          <Tab value="chart">Chart</Tab>
          <Tab value="table">Table</Tab>
        </TabList>
      </div>
      <Caption1 className={s.muted}>{summary}</Caption1>
      {view === 'chart' ? chart : table}
    </section>
  );
}
