import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, InlineDrawer, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Actuals } from '@planboard/contracts';
import type { BudgetEditModel } from '../../grid/editModel';
import { HistoryPanel } from './HistoryPanel';
import { SubtotalsPanel } from './SubtotalsPanel';

const useStyles = makeStyles({
  drawer: {
    width: '360px',
    flexShrink: 0,
    maxWidth: '40vw',
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

/** Beside the grid: subtotals by category / region / quarter, and the audit trail of the selected line or the plan. */
export function DetailsDrawer({ open, onClose, model, version, actuals, planId, scopeId, line, lineText, nameOf }: DetailsDrawerProps) {
  const s = useStyles();
  return (
    <InlineDrawer open={open} position="end" className={s.drawer} aria-label="Subtotals and history" data-testid="details">
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
  );
}
