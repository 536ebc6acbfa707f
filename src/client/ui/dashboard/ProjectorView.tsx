import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookForRow } from '../../../shared/aggregates/table';
import { targetText, type LookForTarget, effectiveTarget } from '../../../shared/targets';
import { foldedText } from './folded-rows';
import { hiddenText, rangeText, shareRange, shareText, shareValue } from './format';
import { pageFor, slidesOf, type Slide } from './slides';
import './projector.css';

/**
 * Results for a staff meeting on a projector: one look-for per slide in large type,
 * its percent seen as a bar with its target, then one slide for the look-fors that
 * rest on too few classrooms. Arrow keys, PageUp/PageDown, Home and End page;
 * Escape leaves.
 */
export function ProjectorView(props: {
  title: string;
  rows: LookForRow[];
  threshold: number;
  targets: readonly LookForTarget[];
  onClose: () => void;
}) {
  const { title, rows, threshold, targets, onClose } = props;
  const slides = slidesOf(rows);
  const [at, setAt] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    const next = pageFor(event.key, at, slides.length);
    if (next === null) return;
    event.preventDefault();
    setAt(next);
  };
  const fullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void root.current?.requestFullscreen?.().catch(() => undefined);
  };
  const slide = slides[at];
  return (
    <div
      class="projector"
      role="dialog"
      aria-modal="true"
      aria-label={`Projector view: ${title}`}
      tabIndex={-1}
      ref={root}
      onKeyDown={onKeyDown}
    >
      <div class="projector-bar">
        <p class="projector-title">{title}</p>
        <p class="projector-count" aria-live="polite">
          Slide {at + 1} of {slides.length}
        </p>
        <button type="button" class="button" onClick={fullscreen}>
          Full screen
        </button>
        <button type="button" class="button" onClick={onClose}>
          Close
        </button>
      </div>
      {slide ? (
        <SlideBody slide={slide} threshold={threshold} targets={targets} />
      ) : (
        <p class="projector-slide">No look-fors to show.</p>
      )}
      <div class="projector-nav">
        <button
          type="button"
          class="button"
          disabled={at === 0}
          onClick={() => setAt(Math.max(0, at - 1))}
        >
          ← Previous
        </button>
        <button
          type="button"
          class="button"
          disabled={at >= slides.length - 1}
          onClick={() => setAt(Math.min(slides.length - 1, at + 1))}
        >
          Next →
        </button>
      </div>
    </div>
  );
}

function SlideBody(props: { slide: Slide; threshold: number; targets: readonly LookForTarget[] }) {
  const { slide, threshold, targets } = props;
  if (slide.kind === 'folded') {
    return (
      <section class="projector-slide">
        <h2>{foldedText(slide.rows.length, threshold)}</h2>
        <p class="projector-note">
          Their figures stay hidden so that no number is about one teacher.
        </p>
        <ul class="projector-list">
          {slide.rows.map((r) => (
            <li key={r.lookForId}>{r.text}</li>
          ))}
        </ul>
      </section>
    );
  }
  const { row } = slide;
  const f = row.figure;
  const value = shareValue(f);
  const range = shareRange(f);
  const target = targets.find((t) => t.lookForId === row.lookForId);
  const goal = effectiveTarget(target);
  return (
    <section class="projector-slide">
      <p class="projector-section">{row.sectionTitle}</p>
      <h2>{row.text}</h2>
      <p class="projector-figure">{shareText(f, threshold) || '–'}</p>
      {rangeText(f) && <p class="projector-range">Likely between {rangeText(f)} (90% range)</p>}
      {value !== null && (
        <div class="projector-bar-track" aria-hidden="true">
          <div class="projector-bar-fill" style={{ width: `${value}%` }} />
          {range && (
            <div
              class="projector-range-band"
              style={{ left: `${range.low * 100}%`, width: `${(range.high - range.low) * 100}%` }}
            />
          )}
          {goal !== null && <div class="projector-target" style={{ left: `${goal}%` }} />}
        </div>
      )}
      <p class="projector-note">
        {f.suppressed ? hiddenText(f, threshold) : `of ${f.classrooms} classrooms visited`}
        {goal !== null && ` · Target ${targetText(target)}`}
      </p>
    </section>
  );
}
