import {
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { grantLevels, type Grant, type GrantLevel } from '@planboard/contracts';
import { LevelBadge, levelDescriptions, levelLabels } from '../../shell/LevelBadge';

const useStyles = makeStyles({
  chip: { minWidth: 0, gap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightRegular },
});

export interface GrantChipProps {
  grant: Grant;
  scopeName: string;
  disabled?: boolean;
  onChangeLevel(level: GrantLevel): void;
  onRevoke(): void;
}

/** One grant (scope + level); its menu changes the level or revokes it. */
export function GrantChip({ grant, scopeName, disabled, onChangeLevel, onRevoke }: GrantChipProps) {
  const s = useStyles();
  return (
    <Menu
      checkedValues={{ level: [grant.level] }}
      onCheckedValueChange={(_, data) => {
        const level = data.checkedItems[0] as GrantLevel | undefined;
        if (level && level !== grant.level) onChangeLevel(level);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" appearance="outline" className={s.chip} disabled={disabled} data-scope={grant.scopeId}>
          {scopeName} <LevelBadge level={grant.level} size="small" />
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>Level on {scopeName}</MenuGroupHeader>
            {grantLevels.map((level) => (
              <MenuItemRadio key={level} name="level" value={level} secondaryContent={levelDescriptions[level]}>
                {levelLabels[level]}
              </MenuItemRadio>
            ))}
          </MenuGroup>
          <MenuDivider />
          <MenuItem icon={<DeleteRegular />} onClick={onRevoke}>
            Revoke access…
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
