import { Avatar, Button, Caption1, makeStyles, Subtitle2, Text, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { roleGroups, type SampleUser } from './sampleUsers';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  user: {
    width: '100%',
    minHeight: '56px',
    justifyContent: 'flex-start',
    textAlign: 'start',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontWeight: tokens.fontWeightRegular,
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
  department: { color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  upn: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export interface SampleUserPickerProps {
  users: readonly SampleUser[];
  disabled?: boolean;
  onPick(user: SampleUser): void;
}

/** The sample accounts grouped by role; one tab stop, arrow keys move between accounts. */
export function SampleUserPicker({ users, disabled, onPick }: SampleUserPickerProps) {
  const s = useStyles();
  const arrows = useArrowNavigationGroup({ axis: 'grid-linear', memorizeCurrent: true });
  const known = new Set(roleGroups.map((g) => g.role));
  const groups = [
    ...roleGroups.map((g) => ({ ...g, users: users.filter((u) => u.role === g.role) })),
    { role: 'other', title: 'Other accounts', users: users.filter((u) => !u.role || !known.has(u.role)) },
  ].filter((g) => g.users.length > 0);

  return (
    <div className={s.root} {...arrows}>
      {groups.map((group) => (
        <section key={group.role} className={s.group} aria-labelledby={`sample-${group.role}`}>
          <Subtitle2 as="h2" id={`sample-${group.role}`} className={s.heading}>
            {group.title}
          </Subtitle2>
          <ul className={s.list}>
            {group.users.map((user) => (
              <li key={user.oid}>
                <Button
                  className={s.user}
                  appearance="outline"
                  disabled={disabled}
                  onClick={() => onPick(user)}
                  data-upn={user.upn}
                  icon={<Avatar name={user.name} color="colorful" size={32} aria-hidden="true" />}
                >
                  <span className={s.text}>
                    <Text className={s.name}>{user.name}</Text>
                    {user.department && <Caption1 className={s.department}>{user.department}</Caption1>}
                    <Caption1 className={s.upn}>{user.upn}</Caption1>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
