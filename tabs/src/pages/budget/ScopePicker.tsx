import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { BuildingRetailRegular, CheckmarkCircleFilled, CircleRegular } from '@fluentui/react-icons';
import type { GrantedScope } from '@planboard/contracts';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { LevelBadge, levelLabels } from '../../shell/LevelBadge';

const useStyles = makeStyles({
  group: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingHorizontalM },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow2,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  selected: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { margin: 0, flexGrow: 1 },
  indicator: { fontSize: '20px', flexShrink: 0, color: tokens.colorNeutralStrokeAccessible },
  checked: { color: tokens.colorCompoundBrandForeground1 },
  body: {
    paddingLeft: '28px',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  stores: {
    display: 'block',
    maxWidth: '100%',
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  storeIcon: { verticalAlign: 'text-bottom', marginRight: tokens.spacingHorizontalXS },
});

export interface ScopePickerProps {
  /** The caller's scopes (from /api/me); business units become choices, their stores are listed. */
  scopes: readonly GrantedScope[];
  value: string | undefined;
  onChange(scopeId: string): void;
  /** Id of the element that names the group (a heading). */
  labelledBy?: string;
  /** Shown on a card under its name (the plan's status), with the same in words for screen readers. */
  extra?(scopeId: string): { node: ReactNode; text: string } | null;
}

const storeNumber = (id: string) => id.replace(/^store-/, '');
const storesText = (n: number) => (n === 1 ? '1 store' : `${n} stores`);

/** Business units as selectable cards (a radio group: one tab stop, arrow keys choose). */
export function ScopePicker({ scopes, value, onChange, labelledBy, extra }: ScopePickerProps) {
  const s = useStyles();
  const baseId = useId();
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const units = scopes.filter((scope) => scope.type === 'businessUnit');
  const current = Math.max(
    0,
    units.findIndex((unit) => unit.id === value),
  );

  const move = (index: number) => {
    const unit = units[(index + units.length) % units.length];
    if (!unit) return;
    onChange(unit.id);
    refs.current[(index + units.length) % units.length]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const keys: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: units.length - 1,
    };
    if (event.key in keys) {
      event.preventDefault();
      move(keys[event.key] ?? index);
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      move(index);
    }
  };

  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className={s.group} data-testid="scope-picker">
      {units.map((unit, index) => {
        const stores = scopes.filter((scope) => scope.type === 'store' && scope.parentId === unit.id);
        // No card is checked when the value is none of them (all units shown together).
        const checked = unit.id === value;
        const id = `${baseId}-${unit.id}`;
        const info = extra?.(unit.id) ?? null;
        return (
          <div
            key={unit.id}
            ref={(el) => {
              refs.current[index] = el;
            }}
            role="radio"
            aria-checked={checked}
            aria-labelledby={`${id}-name`}
            aria-describedby={`${id}-desc`}
            tabIndex={index === current ? 0 : -1}
            className={mergeClasses(s.card, checked && s.selected)}
            onClick={() => move(index)}
            onKeyDown={(event) => onKeyDown(event, index)}
            data-scope={unit.id}
          >
            <span id={`${id}-desc`} hidden>
              {`${levelLabels[unit.level]} access. ${info ? `${info.text}. ` : ''}${storesText(stores.length)}: ${stores.map((store) => store.name).join(', ') || 'none'}.`}
            </span>
            <div className={s.head}>
              {checked ? (
                <CheckmarkCircleFilled className={mergeClasses(s.indicator, s.checked)} aria-hidden="true" />
              ) : (
                <CircleRegular className={s.indicator} aria-hidden="true" />
              )}
              <Subtitle2 id={`${id}-name`} className={s.name}>
                {unit.name}
              </Subtitle2>
              <LevelBadge level={unit.level} />
            </div>
            <div className={s.body} aria-hidden="true">
              {info?.node}
              <Caption1 className={s.stores} title={stores.map((store) => `${store.name} · ${storeNumber(store.id)}`).join('\n')}>
                <BuildingRetailRegular className={s.storeIcon} />
                {stores.length === 0 ? 'No stores' : `${storesText(stores.length)}: ${stores.map((store) => store.name).join(', ')}`}
              </Caption1>
            </div>
          </div>
        );
      })}
    </div>
  );
}
