import { Button, Dropdown, Field, Option, Spinner, Tab, TabList, Toolbar } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import type { PerformanceWindow } from '@planboard/contracts';
import { useState } from 'react';
import { ApiErrorBar } from '../../../shell/ApiErrorBar';
import type { OpsRoute } from '../opsRoute';
import { useOpsStyles } from '../opsStyles';
import { CapacityChart } from './CapacityChart';
import { CountsChart } from './CountsChart';
import { downloadPerformance, usePerformance, type PerformanceFilter } from './performanceApi';
import { windowLabels } from './performanceData';
import { FailedTables, OutliersTable, SlowestTable, StartDelayTable } from './RefreshTables';

const everything = '';

function FilterDropdown(props: {
  label: string;
  all: string;
  value: string | undefined;
  options: { value: string; text: string }[];
  onChange(value: string | undefined): void;
}) {
  const selected = props.options.find((option) => option.value === props.value);
  return (
    <Field label={props.label}>
      <Dropdown
        value={selected?.text ?? props.all}
        selectedOptions={[props.value ?? everything]}
        onOptionSelect={(_, data) => props.onChange(data.optionValue ? data.optionValue : undefined)}
      >
        <Option value={everything}>{props.all}</Option>
        {props.options.map((option) => (
          <Option key={option.value} value={option.value}>
            {option.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/**
 * The performance analyser: slowest, failed and outlier refreshes, refresh counts over time per
 * environment beside capacity use, and scheduled refreshes' start delay, for a window and filter.
 */
export function PerformanceView({ onOpen }: { onOpen(route: OpsRoute): void }) {
  const s = useOpsStyles();
  const [filter, setFilter] = useState<PerformanceFilter>({ window: '24h' });
  const [exportError, setExportError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);
  const report = usePerformance(filter);
  const filters = report.data?.filters;
  const download = async () => {
    setExportError(undefined);
    setExporting(true);
    try {
      const url = URL.createObjectURL(await downloadPerformance(filter));
      const link = Object.assign(document.createElement('a'), { href: url, download: `performance-${filter.window}.xlsx` });
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className={s.column}>
      <Toolbar aria-label="Performance window and filters" className={s.toolbar}>
        <TabList
          aria-label="Window"
          selectedValue={filter.window}
          onTabSelect={(_, data) => setFilter({ ...filter, window: data.value as PerformanceWindow })}
        >
          {(Object.keys(windowLabels) as PerformanceWindow[]).map((window) => (
            <Tab key={window} value={window}>
              {windowLabels[window]}
            </Tab>
          ))}
        </TabList>
        <FilterDropdown
          label="Environment"
          all="All environments"
          value={filter.environment}
          options={(filters?.environments ?? []).map((value) => ({ value, text: value }))}
          onChange={(environment) => setFilter({ ...filter, environment })}
        />
        <FilterDropdown
          label="Module"
          all="All modules"
          value={filter.module}
          options={(filters?.modules ?? []).map((value) => ({ value, text: value }))}
          onChange={(module) => setFilter({ ...filter, module })}
        />
        <FilterDropdown
          label="Workspace"
          all="All workspaces"
          value={filter.workspace}
          options={(filters?.workspaces ?? []).map((ws) => ({ value: ws.workspaceId, text: ws.name }))}
          onChange={(workspace) => setFilter({ ...filter, workspace })}
        />
        <span className={s.spacer} />
        <Button icon={<ArrowDownloadRegular />} onClick={() => void download()} disabled={exporting}>
          Export to Excel
        </Button>
      </Toolbar>
      {exportError !== undefined && <ApiErrorBar error={exportError} />}
      {report.isPending ? (
        <Spinner label="Analysing the refresh history…" />
      ) : report.isError ? (
        <ApiErrorBar error={report.error} onRetry={() => void report.refetch()} retrying={report.isFetching} />
      ) : (
        <div className={s.column} aria-busy={report.isFetching} data-testid="performance-report">
          {/* Full width each: an hourly axis and a six-column table need the room. */}
          <CountsChart report={report.data} />
          <CapacityChart report={report.data} />
          <OutliersTable report={report.data} onOpen={onOpen} />
          <SlowestTable report={report.data} onOpen={onOpen} />
          <FailedTables report={report.data} onOpen={onOpen} />
          <StartDelayTable report={report.data} />
        </div>
      )}
    </div>
  );
}
