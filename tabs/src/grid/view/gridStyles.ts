import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/**
 * RevoGrid themed with Fluent v9 tokens (its `--revo-grid-*` custom properties inherit from the
 * wrapper), so light, dark and high-contrast Teams themes all apply. Cell states use tokens too,
 * and each state also has a shape (corner mark, border style) so colour is never the only cue.
 */
export const useGridStyles = makeStyles({
  root: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    minHeight: '320px',
    height: 'clamp(360px, calc(100dvh - 300px), 1200px)',
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    overflow: 'hidden',
    '--revo-grid-primary': tokens.colorBrandBackground,
    '--revo-grid-primary-transparent': tokens.colorBrandBackground2,
    '--revo-grid-background': tokens.colorNeutralBackground1,
    '--revo-grid-foreground': tokens.colorNeutralForeground1,
    '--revo-grid-text': tokens.colorNeutralForeground1,
    '--revo-grid-divider': tokens.colorNeutralStroke2,
    '--revo-grid-border': tokens.colorNeutralStroke2,
    '--revo-grid-shadow': tokens.colorNeutralShadowAmbient,
    '--revo-grid-header-bg': tokens.colorNeutralBackground3,
    '--revo-grid-header-color': tokens.colorNeutralForeground1,
    '--revo-grid-header-border': tokens.colorNeutralStroke1,
    '--revo-grid-header-focused-bg': tokens.colorNeutralBackground3Selected,
    '--revo-grid-header-hover-bg': tokens.colorNeutralBackground3Hover,
    '--revo-grid-cell-border': tokens.colorNeutralStroke2,
    '--revo-grid-cell-vertical-border': tokens.colorNeutralStroke2,
    '--revo-grid-focused-bg': tokens.colorSubtleBackgroundHover,
    '--revo-grid-row-hover': tokens.colorSubtleBackgroundHover,
    '--revo-grid-row-headers-bg': tokens.colorNeutralBackground3,
    '--revo-grid-row-headers-color': tokens.colorNeutralForeground3,
    '--revo-grid-cell-disabled-bg': tokens.colorNeutralBackground4,
    '--revo-grid-selection-border': tokens.colorCompoundBrandStroke,
    '--revo-grid-selection-bg': `color-mix(in srgb, ${tokens.colorBrandBackground} 14%, transparent)`,
    '--revo-grid-autofill-handle-bg': tokens.colorCompoundBrandBackground,
    '--revo-grid-autofill-handle-border': tokens.colorNeutralBackground1,
    '--revo-grid-range-handle-bg': tokens.colorNeutralStroke1,
    '--revo-grid-temporary-range-border': tokens.colorPaletteDarkOrangeBorder2,
    '--revo-grid-temporary-selection-border': tokens.colorNeutralStroke1,
    '--revo-grid-font-family': tokens.fontFamilyBase,
    '--revo-grid-font-size': tokens.fontSizeBase300,
    '--revo-grid-header-height': '36px',
    '--revo-grid-header-font-size': tokens.fontSizeBase300,
    '--revo-grid-header-font-weight': tokens.fontWeightSemibold,
    '--revo-grid-header-text-transform': 'none',
    '--revo-grid-header-text-align': 'left',
    '--revo-grid-header-padding': `0 ${tokens.spacingHorizontalS}`,
    '--revo-grid-cell-padding': `0 ${tokens.spacingHorizontalS}`,
    '--revo-grid-cell-text-align': 'left',
    '& revo-grid': { minHeight: '0', flexGrow: 1, ...shorthands.border('0') },
    '& revo-grid:focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    // The focused cell: a thick ring in the focus colour (what Fluent shows for keyboard focus).
    '& revogr-focus.focused-cell': { ...shorthands.border(tokens.strokeWidthThick, 'solid', tokens.colorStrokeFocus2) },
    '& revogr-edit input': {
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}`,
      ...shorthands.border('0'),
    },
    '& .rgCell:focus': { outline: 'none' },
    '& revogr-header .rgHeaderCell .header-content': { overflow: 'hidden', textOverflow: 'ellipsis' },
    // Filter buttons always shown (as Excel's autofilter arrows), tinted when a filter is on.
    '& revogr-header .rgHeaderCell .rv-filter': {
      visibility: 'visible',
      opacity: 1,
      width: '20px',
      color: tokens.colorNeutralForeground3,
      backgroundColor: 'transparent',
      ...shorthands.border('0'),
      cursor: 'pointer',
    },
    '& revogr-header .rgHeaderCell:has(.rv-filter) .header-content': { marginRight: '20px' },
    '& revogr-header .rgHeaderCell .rv-filter.active': {
      color: tokens.colorBrandForeground1,
      backgroundColor: tokens.colorBrandBackground2,
    },
    '& revogr-header .rv-filter:focus-visible, & revogr-header .rgHeaderCell:focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
    // Borders of cell states (here, to outrank RevoGrid's own cell rules).
    '& revogr-data .rgCell[data-state="remote"]': {
      outline: `${tokens.strokeWidthThick} dashed ${tokens.colorPaletteBlueBorderActive}`,
      outlineOffset: '-3px',
    },
    '& revogr-data .rgCell[data-state="invalid"]': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
      outlineOffset: '-2px',
    },
    '& revogr-data .rgCell[data-state="conflict"]': {
      outline: `3px double ${tokens.colorPaletteMarigoldBorderActive}`,
      outlineOffset: '-4px',
    },
  },
  /**
   * High contrast: every background is the same black, so selection and hover must not tint cells
   * (text on them would lose contrast); states are told apart by outline style and the marks below.
   */
  contrast: {
    '--revo-grid-header-focused-bg': tokens.colorNeutralBackground1,
    '--revo-grid-header-hover-bg': tokens.colorNeutralBackground1,
    '--revo-grid-focused-bg': tokens.colorNeutralBackground1,
    '--revo-grid-row-hover': tokens.colorNeutralBackground1,
    '--revo-grid-selection-bg': 'transparent',
    '& revogr-data .rgCell[data-state="local"]': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-3px',
    },
  },
  /** Header of a column the user may edit: brand tint, with an "editable" mark. */
  headerEditable: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  headerReadOnly: { color: tokens.colorNeutralForeground2 },
  headerMark: {
    marginLeft: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  /** Read-only cells: a recessed grey background and secondary text, at a glance. */
  readOnly: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground4 },
  /** Changed here, not yet saved: warm tint and a solid triangle in the top-left corner. */
  local: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    backgroundImage: `linear-gradient(135deg, ${tokens.colorPaletteDarkOrangeBorder2} 7px, transparent 7px)`,
  },
  /** Changed by someone else since you loaded the plan: cool tint and a dashed inner border. */
  remote: { backgroundColor: tokens.colorPaletteBlueBackground2, color: tokens.colorNeutralForeground1 },
  /** Rejected input: danger tint, thick danger border and a warning sign; the reason in the status bar and tooltip. */
  invalid: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorNeutralForeground1,
    '::before': { content: '"⚠"', marginRight: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  },
  /** Saved by someone else while you edited the same cell: marigold with a double border. */
  conflict: { backgroundColor: tokens.colorPaletteMarigoldBackground2, color: tokens.colorNeutralForeground1 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** The class names the column definitions use (from {@link useGridStyles}). */
export type GridClasses = ReturnType<typeof useGridStyles>;
