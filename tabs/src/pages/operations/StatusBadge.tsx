import { Badge } from '@fluentui/react-components';
import { statusLabel, statusTone } from './opsFormat';

/** A refresh status in words with a colour that is never the only cue; no stored history yet is "Not read yet". */
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
