import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { ACTION_STATUSES, type ActionStatus } from "../../server/shared";

const SEVERITY = { not_started: undefined, in_progress: "info", done: "success", abandoned: "warning" } as const;

export function StatusBadge({ status }: { status: ActionStatus }) {
  return (
    <Badge small noIcon severity={SEVERITY[status]}>
      {ACTION_STATUSES[status]}
    </Badge>
  );
}
