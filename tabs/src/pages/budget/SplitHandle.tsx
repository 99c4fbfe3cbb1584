import { makeStyles, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

const useStyles = makeStyles({
  handle: {
    flexShrink: 0,
    width: '8px',
    cursor: 'col-resize',
    alignSelf: 'stretch',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: 'transparent',
    touchAction: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    '::after': {
      content: '""',
      display: 'block',
      width: tokens.strokeWidthThick,
      height: '32px',
      margin: '40px auto 0',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorNeutralStroke1,
    },
  },
});

/** The width of the panel at the end of a split, and its bounds. */
export interface SplitHandleProps {
  label: string;
  /** Id of the panel it resizes (`aria-controls`). */
  controls: string;
  width: number;
  min: number;
  max: number;
  onWidth(width: number): void;
}

const step = 24;

/**
 * A window splitter (WAI-ARIA `separator`): drag it, or focus it and use ←/→ (Home/End for the
 * bounds), to give the panel after it more or less room.
 */
export function SplitHandle({ label, controls, width, min, max, onWidth }: SplitHandleProps) {
  const s = useStyles();
  const drag = useRef<{ x: number; width: number } | null>(null);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));
  const onKeyDown = (event: KeyboardEvent) => {
    const next =
      event.key === 'ArrowLeft'
        ? width + step
        : event.key === 'ArrowRight'
          ? width - step
          : event.key === 'Home'
            ? max
            : event.key === 'End'
              ? min
              : null;
    if (next === null) return;
    event.preventDefault();
    onWidth(clamp(next));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: event.clientX, width };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onWidth(clamp(drag.current.width + drag.current.x - event.clientX));
  };
  const onPointerUp = () => (drag.current = null);
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={s.handle}
      data-testid="details-splitter"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
