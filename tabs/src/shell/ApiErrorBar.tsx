import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeApiError } from '../api/errorText';

export interface ApiErrorBarProps {
  error: unknown;
  /** Offers "Try again" when given. */
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
}

/** An API error as a Fluent MessageBar, in words (see describeApiError). */
export function ApiErrorBar({ error, onRetry, retrying, className }: ApiErrorBarProps) {
  const { title, message } = describeApiError(error);
  return (
    <MessageBar intent="error" className={className} data-testid="api-error">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Try again'}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
