import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  logo: { width: '24px', height: '24px', flexShrink: 0 },
  tile: { fill: tokens.colorBrandBackground },
  bars: { fill: tokens.colorNeutralForegroundOnBrand },
});

/** The Planboard logo (decorative: always next to the product name). */
export function BrandMark({ className }: { className?: string }) {
  const s = useStyles();
  return (
    <svg className={mergeClasses(s.logo, className)} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect className={s.tile} width="32" height="32" rx="6" />
      <path className={s.bars} d="M8 23V9h3v14H8zm6.5 0V13h3v10h-3zM21 23v-7h3v7h-3z" />
    </svg>
  );
}
