import { Badge } from '@fluentui/react-components';
import { statusLabel, statusTone } from './opsFormat';

/** A refresh status in words with a colour that is never the only cue (the word is always there). */
export function RefreshStatusBadge({ status }: { status: string | null | undefined }) {
  if (!status)
    return (
      <Badge appearance="outline" color="subtle">
        Never refreshed
      </Badge>
    );
  return (
    <Badge appearance="tint" color={statusTone(status)}>
      {statusLabel(status)}
    </Badge>
  );
}
