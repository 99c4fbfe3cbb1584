import type { Theme } from '@fluentui/react-components';

/** A Power BI report theme (`IReportTheme`): the colour classes of the theme JSON the report reads. */
export interface ReportTheme {
  themeJson: {
    name: string;
    background: string;
    foreground: string;
    foregroundNeutralSecondary: string;
    backgroundLight: string;
    backgroundNeutral: string;
    tableAccent: string;
    dataColors: string[];
  };
}

/**
 * The report's colours from the tab's Fluent theme (Teams light, dark or high contrast), so the
 * embedded report matches the tab instead of staying white in Teams dark theme. The page takes
 * the card colour of the stage around it (not a transparent background: the iframe's own colours
 * must carry their contrast, whatever is behind it); visuals sit on the second background.
 */
export function reportTheme(theme: Theme): ReportTheme {
  return {
    themeJson: {
      name: 'Planboard',
      background: theme.colorNeutralBackground1,
      foreground: theme.colorNeutralForeground1,
      foregroundNeutralSecondary: theme.colorNeutralForeground2,
      backgroundLight: theme.colorNeutralBackground2,
      backgroundNeutral: theme.colorNeutralStroke1,
      tableAccent: theme.colorBrandForeground1,
      dataColors: [
        theme.colorBrandBackground,
        theme.colorPaletteMarigoldBorderActive,
        theme.colorPaletteLightTealBorderActive,
        theme.colorPaletteBerryBorderActive,
      ],
    },
  };
}
