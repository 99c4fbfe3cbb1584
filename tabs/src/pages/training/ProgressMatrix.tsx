import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Option,
  SearchBox,
  makeStyles,
  mergeClasses,
  Spinner,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  tokens,
  Toolbar,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import type { TrainingProgressMatrix } from '@planboard/contracts';
import { useState } from 'react';
import { ApiErrorBar } from '../../shell/ApiErrorBar';
import { filterLearners, learnerStatusLabels, type LearnerStatus } from './learnerFilter';
import { completionTone, heatColorIndex } from './progressTone';
import { downloadProgress, useProgressMatrix } from './trainingApi';

/** Heat steps from theme tokens, so default, dark and high-contrast themes all keep their contrast. */
const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  cell: { textAlign: 'center', minWidth: '56px' },
  heat0: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3 },
  heat1: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  heat2: { backgroundColor: tokens.colorBrandBackground2Pressed, color: tokens.colorNeutralForeground1 },
  heat3: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  heat4: { backgroundColor: tokens.colorBrandBackgroundPressed, color: tokens.colorNeutralForegroundOnBrand },
  counts: { color: tokens.colorNeutralForeground3 },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

function Grid({ matrix, learners, heat }: { matrix: TrainingProgressMatrix; learners: TrainingProgressMatrix['learners']; heat: boolean }) {
  const s = useStyles();
  const tones = [s.heat0, s.heat1, s.heat2, s.heat3, s.heat4];
  return (
    <div className={s.scroll}>
      <Table size="small" aria-label={heat ? 'Completion heat map by learner and day' : 'Completion by learner and day'}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Learner</TableHeaderCell>
            {matrix.days.map((day) => (
              <TableHeaderCell key={day.dayNumber} className={s.cell} title={day.title}>
                Day {day.dayNumber}
                {day.unlocked ? '' : ' (locked)'}
              </TableHeaderCell>
            ))}
            <TableHeaderCell>Overall</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {learners.map((learner) => (
            <TableRow key={learner.upn}>
              <TableCell>{learner.name}</TableCell>
              {learner.completion.map((pct, index) => (
                <TableCell
                  key={matrix.days[index]?.dayNumber ?? index}
                  className={mergeClasses(s.cell, heat && tones[heatColorIndex(pct)])}
                  aria-label={`${learner.name}, day ${matrix.days[index]?.dayNumber}: ${completionTone(pct)}`}
                >
                  {heat ? `${Math.round(pct)}` : completionTone(pct)}
                </TableCell>
              ))}
              <TableCell>{Math.round(learner.overallPct)} %</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>Completed / started</TableCell>
            {matrix.days.map((day) => (
              <TableCell key={day.dayNumber} className={mergeClasses(s.cell, s.counts)}>
                {day.completed} / {day.started}
              </TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

/** Everyone's progress (admins): a heat map of completion % by learner × day, or the same as a plain table; export to Excel. */
export function ProgressMatrix() {
  const s = useStyles();
  const [view, setView] = useState<'heat' | 'table'>('heat');
  const [exportError, setExportError] = useState<unknown>();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<LearnerStatus>('everyone');
  const matrix = useProgressMatrix(true);
  const download = async () => {
    setExportError(undefined);
    try {
      const url = URL.createObjectURL(await downloadProgress());
      const link = Object.assign(document.createElement('a'), { href: url, download: 'training-progress.xlsx' });
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError(error);
    }
  };
  if (matrix.isPending) return <Spinner label="Loading everyone’s progress…" />;
  if (matrix.isError) return <ApiErrorBar error={matrix.error} onRetry={() => void matrix.refetch()} retrying={matrix.isFetching} />;
  const shown = filterLearners(matrix.data, text, status);
  return (
    <>
      <Toolbar aria-label="Progress view">
        <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as 'heat' | 'table')} size="small">
          <Tab value="heat">Heat map</Tab>
          <Tab value="table">Table</Tab>
        </TabList>
        <Button icon={<ArrowDownloadRegular />} onClick={() => void download()}>
          Export to Excel
        </Button>
      </Toolbar>
      {exportError !== undefined && <ApiErrorBar error={exportError} />}
      <div className={s.filters}>
        <Field label="Find a learner">
          <SearchBox value={text} onChange={(_, data) => setText(data.value)} placeholder="Name or sign-in name" />
        </Field>
        <Field label="Show">
          <Dropdown
            value={learnerStatusLabels[status]}
            selectedOptions={[status]}
            onOptionSelect={(_, data) => setStatus((data.optionValue as LearnerStatus | undefined) ?? 'everyone')}
          >
            {(Object.keys(learnerStatusLabels) as LearnerStatus[]).map((key) => (
              <Option key={key} value={key}>
                {learnerStatusLabels[key]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Caption1 className={s.counts} role="status">
        {shown.length === matrix.data.learners.length
          ? `${shown.length} learners. `
          : `${shown.length} of ${matrix.data.learners.length} learners. `}
        Completion in percent; “Completed / started” counts learners per day.
      </Caption1>
      <Grid matrix={matrix.data} learners={shown} heat={view === 'heat'} />
    </>
  );
}
