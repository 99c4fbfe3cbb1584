import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, InlineDrawer, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Actuals } from '@planboard/contracts';
import { useId, useState } from 'react';
import type { BudgetEditModel } from '../../grid/editModel';
import { HistoryPanel } from './HistoryPanel';
import { SplitHandle } from './SplitHandle';
import { SubtotalsPanel } from './SubtotalsPanel';

const useStyles = makeStyles({
  drawer: {
    flexShrink: 0,
    maxWidth: '60vw',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, paddingBottom: tokens.spacingVerticalL },
});

/** What the side panel summarises and whose history it shows. */
export interface DetailsDrawerProps {
  open: boolean;
  onClose(): void;
  model: BudgetEditModel;
  version: number;
  actuals: Actuals;
  planId: string;
  scopeId: string;
  line: { lineId: string; rev: number } | null;
  lineText(lineId: string): string;
  nameOf(upn: string): string;
}

/** How wide the panel may be (px): the user resizes it with the splitter. */
const bounds = { min: 280, initial: 380, max: 720 };

/**
 * Beside the grid: subtotals by category / region / quarter, and the audit trail of the selected
 * line or the plan. A splitter sets its width; the grid keeps its editable columns in view
 * whatever room is left (it pins them when it is narrow).
 */
export function DetailsDrawer({ open, onClose, model, version, actuals, planId, scopeId, line, lineText, nameOf }: DetailsDrawerProps) {
  const s = useStyles();
  const id = useId();
  const [width, setWidth] = useState(bounds.initial);
  return (
    <>
      {open && (
        <SplitHandle
          label="Resize subtotals and history"
          controls={id}
          width={width}
          min={bounds.min}
          max={bounds.max}
          onWidth={setWidth}
        />
      )}
      <InlineDrawer
        id={id}
        open={open}
        position="end"
        className={s.drawer}
        style={{ width: `${width}px` }}
        aria-label="Subtotals and history"
        data-testid="details"
      >
        <DrawerHeader>
          <DrawerHeaderTitle
            action={<Button appearance="subtle" aria-label="Close subtotals and history" icon={<DismissRegular />} onClick={onClose} />}
          >
            Subtotals &amp; history
          </DrawerHeaderTitle>
        </DrawerHeader>
        <DrawerBody className={s.body}>
          <SubtotalsPanel model={model} version={version} actuals={actuals} />
          <HistoryPanel planId={planId} scopeId={scopeId} line={line} lineText={lineText} nameOf={nameOf} />
        </DrawerBody>
      </InlineDrawer>
    </>
  );
}
