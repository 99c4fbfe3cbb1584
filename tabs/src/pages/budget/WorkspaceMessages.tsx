import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Actuals, PlanState } from '@planboard/contracts';
import { ApiErrorBar } from '../../shell/ApiErrorBar';

/** A short result to show and announce (saved, pasted, rejected …). */
export interface Notice {
  text: string;
  intent: 'success' | 'info' | 'warning' | 'error';
}

/** The states that deserve a message and the actions they offer. */
export interface WorkspaceMessagesProps {
  notice: Notice | null;
  onDismissNotice(): void;
  restored: number;
  onSaveRestored(): void;
  onDiscardRestored(): void;
  onKeepRestored(): void;
  saveError: unknown;
  onRetrySave(): void;
  saving: boolean;
  conflicts: number;
  onOpenConflicts(): void;
  invalid: number;
  state: PlanState | undefined;
  editRight: boolean;
  actuals: Actuals;
  /** Asks for the consent the actuals need (Teams' popup), then loads them. */
  onGrantConsent(): void;
  grantingConsent: boolean;
  syncError: unknown;
}

/** Everything the page has to tell: results, a restored draft, a failed save, conflicts, why it is read-only. */
export function WorkspaceMessages(props: WorkspaceMessagesProps) {
  const { notice, restored, saveError, conflicts, invalid, state, editRight, actuals, syncError } = props;
  return (
    <>
      <div aria-live="polite" data-testid="budget-notice">
        {notice && (
          <MessageBar intent={notice.intent} data-intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={props.onDismissNotice} />
              }
            />
          </MessageBar>
        )}
      </div>
      {restored > 0 && (
        <MessageBar intent="info" data-testid="draft-restored">
          <MessageBarBody>
            <MessageBarTitle>Unsaved changes from earlier</MessageBarTitle>
            {restored === 1 ? 'One cell you changed earlier in this tab is' : `${restored} cells you changed earlier in this tab are`} back,
            not saved yet.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onSaveRestored}>Save now</Button>
            <Button onClick={props.onDiscardRestored}>Discard</Button>
            <Button appearance="transparent" onClick={props.onKeepRestored}>
              Keep editing
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {saveError ? (
        <div data-testid="save-error">
          <ApiErrorBar error={saveError} onRetry={props.onRetrySave} retrying={props.saving} />
        </div>
      ) : null}
      {conflicts > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {conflicts === 1 ? 'One cell you edited was' : `${conflicts} cells you edited were`} changed by someone else meanwhile.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onOpenConflicts}>Resolve</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {invalid > 0 && (
        <MessageBar intent="error" data-testid="invalid-cells">
          <MessageBarBody>
            {invalid === 1 ? 'One cell is not valid' : `${invalid} cells are not valid`} and will not be saved: fix or undo{' '}
            {invalid === 1 ? 'it' : 'them'}. Select a red cell to see why.
          </MessageBarBody>
        </MessageBar>
      )}
      {state && state.status !== 'draft' ? (
        <MessageBar intent="info" data-testid="read-only-notice">
          <MessageBarBody>This plan is submitted and read-only. An admin can unlock it.</MessageBarBody>
        </MessageBar>
      ) : state && !editRight ? (
        <MessageBar intent="info" data-testid="read-only-notice">
          <MessageBarBody>You can read this plan. Editing it needs edit access to the business unit.</MessageBarBody>
        </MessageBar>
      ) : null}
      {!actuals.available && actuals.reason && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Actuals unavailable</MessageBarTitle>
            {actuals.reason}
          </MessageBarBody>
          {actuals.consentRequired && (
            <MessageBarActions>
              <Button onClick={props.onGrantConsent} disabled={props.grantingConsent} data-testid="grant-consent">
                Grant permission
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {syncError ? (
        <MessageBar intent="warning">
          <MessageBarBody>Can’t get your colleagues’ latest changes right now; retrying every few seconds.</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
