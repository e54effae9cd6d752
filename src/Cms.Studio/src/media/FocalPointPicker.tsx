import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { strings } from '../app/strings';
import { cropPosition, cropRatios } from './crops';

const s = strings.media;

export interface FocalPoint {
  x: number;
  y: number;
}

const clamp = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/**
 * Where crops of an image centre: click or drag on the image, or move the marker with the arrow keys (Shift for larger
 * steps); beside it, the crops at three aspect ratios as the renditions will cut them, updated as the point moves.
 */
export function FocalPointPicker({
  src,
  width,
  height,
  value,
  onChange,
  alt,
}: {
  src: string;
  width: number;
  height: number;
  value: FocalPoint | null;
  onChange: (point: FocalPoint) => void;
  alt: string;
}) {
  const point = value ?? { x: 0.5, y: 0.5 };
  const frame = useRef<HTMLDivElement>(null);

  const pointAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = frame.current?.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) {
      onChange({ x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 0.1 : 0.02;
    const moves: Record<string, FocalPoint> = {
      ArrowLeft: { x: point.x - step, y: point.y },
      ArrowRight: { x: point.x + step, y: point.y },
      ArrowUp: { x: point.x, y: point.y - step },
      ArrowDown: { x: point.x, y: point.y + step },
    };
    const next = moves[event.key];
    if (next) {
      event.preventDefault();
      onChange({ x: clamp(next.x), y: clamp(next.y) });
    }
  };

  const percent = (n: number) => `${Math.round(n * 100)}%`;
  return (
    <div className="focal">
      <div
        ref={frame}
        className="focal-frame"
        role="slider"
        tabIndex={0}
        aria-label={s.focalPoint}
        aria-valuetext={s.focalAt(percent(point.x), percent(point.y))}
        aria-valuenow={Math.round(point.x * 100)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-describedby="focal-hint"
        data-testid="focal-picker"
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          pointAt(event);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) {
            pointAt(event);
          }
        }}
      >
        <img src={src} alt={alt} width={width} height={height} draggable={false} />
        <span className="focal-marker" aria-hidden="true" style={{ left: percent(point.x), top: percent(point.y) }} />
      </div>
      <p className="hint" id="focal-hint">
        {s.focalHint} <span data-testid="focal-value">{s.focalAt(percent(point.x), percent(point.y))}</span>
      </p>
      <div className="crops" aria-label={s.crops} role="group">
        {cropRatios.map((crop) => {
          const position = cropPosition(point, width, height, crop.ratio);
          return (
            <figure key={crop.label} className="crop">
              <img
                src={src}
                alt=""
                className={`crop-${crop.label.replace(':', 'x')}`}
                style={{ objectPosition: `${position.x}% ${position.y}%` }}
                data-testid={`crop-${crop.label}`}
              />
              <figcaption>{crop.label}</figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
