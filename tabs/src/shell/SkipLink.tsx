import { makeStyles, tokens } from '@fluentui/react-components';
import type { RefObject } from 'react';

const useStyles = makeStyles({
  link: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-100px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    fontWeight: tokens.fontWeightSemibold,
    textDecoration: 'none',
    ':focus': { top: tokens.spacingVerticalS, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** "Skip to main content": first tab stop; focuses <main> without touching the hash route. */
export function SkipLink({ target }: { target: RefObject<HTMLElement | null> }) {
  const s = useStyles();
  return (
    <a
      className={s.link}
      href="#main"
      onClick={(e) => {
        e.preventDefault();
        target.current?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
