import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { canRemovePhoto, type PhotoEntity, type PhotoOwnerView } from '../../../shared/photo-rules';
import { PHOTOS_PER_RECORD, PhotoRef } from '../../../shared/photos';
import { photoStore } from '../../data/photo-store';
import { useServices } from '../app-context';
import { PhotoThumb } from './PhotoThumb';
import './photos.css';

interface Props {
  entity: PhotoEntity;
  recordId: string;
  record: PhotoOwnerView & { photos?: PhotoRef[] | undefined };
  /** A finished or locked record shows its photos and takes no new ones. */
  readOnly: boolean;
  /**
   * The school has turned photos off: none can be added, and the photos on the note
   * can always be taken off (a photo not yet sent keeps the note from going).
   */
  photosOff?: boolean;
}

const size = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GB`
    : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/**
 * Photos of the work beside a note: take one with the camera or choose one from the
 * library, caption it, remove it until the note is shared. Each photo is resized and
 * stripped of its camera data on the device before it is kept.
 */
export function PhotoStrip({ entity, recordId, record, readOnly, photosOff = false }: Props) {
  const { store, now } = useServices();
  const photos = useMemo(() => photoStore(store.db, now, store.saved), [store, now]);
  const camera = useRef<HTMLInputElement>(null);
  const library = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [use, setUse] = useState<{ usage: number; quota: number } | null>(null);
  const list = record.photos ?? [];
  const full = list.length >= PHOTOS_PER_RECORD;
  const removable = photosOff || (canRemovePhoto(entity, record) && !readOnly);

  useEffect(() => {
    void photos.storageUse().then(setUse);
  }, [photos, list.length]);

  const take = async (input: HTMLInputElement | null) => {
    const file = input?.files?.[0];
    if (!input || !file) return;
    setBusy(true);
    setProblem(null);
    try {
      const { preparePhoto } = await import('../../photos/prepare');
      const prepared = await preparePhoto(file);
      // Not a storage problem, so it is said here rather than in the save banner.
      if (list.some((p) => p.hash === prepared.hash)) {
        setProblem('This photo is already on this note');
        return;
      }
      await photos.add(entity, recordId, prepared);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section class="photo-sheet" aria-labelledby={`photos-${recordId}`}>
      <h3 id={`photos-${recordId}`}>Photos</h3>
      {photosOff ? (
        <p class="banner info">
          Photos are turned off for this school. A photo not sent yet cannot go: take it off, and
          the note is sent without it.
        </p>
      ) : (
        <p class="photo-reminder">Photograph the work, not faces or names.</p>
      )}
      {!readOnly && !photosOff && (
        <div class="photo-actions screen-only">
          <input
            ref={camera}
            id={`photo-camera-${recordId}`}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={(e) => void take(e.currentTarget)}
          />
          <input
            ref={library}
            id={`photo-library-${recordId}`}
            type="file"
            accept="image/*"
            hidden
            onChange={(e) => void take(e.currentTarget)}
          />
          <button
            type="button"
            class="button"
            disabled={busy || full}
            onClick={() => camera.current?.click()}
          >
            Add photo
          </button>
          <button
            type="button"
            class="button"
            disabled={busy || full}
            onClick={() => library.current?.click()}
          >
            Choose from library
          </button>
          {busy && (
            <span class="muted" role="status">
              Preparing the photo…
            </span>
          )}
          {full && <span class="muted">A note holds at most {PHOTOS_PER_RECORD} photos.</span>}
        </div>
      )}
      {problem && (
        <p class="banner attention" role="alert">
          {problem}
        </p>
      )}
      {list.length > 0 && (
        <ul class="photo-strip">
          {list.map((photo, i) => (
            <PhotoItem
              key={photo.hash}
              photo={photo}
              index={i + 1}
              readOnly={readOnly}
              removable={removable}
              photos={photos}
              onCaption={(caption) => photos.caption(entity, recordId, photo.hash, caption)}
              onRemove={() => photos.remove(entity, recordId, photo.hash, photosOff)}
            />
          ))}
        </ul>
      )}
      {use && (
        <p class="muted photo-storage screen-only">
          This device holds {size(use.usage)} of the {size(use.quota)} it allows.
        </p>
      )}
    </section>
  );
}

interface ItemProps {
  photo: PhotoRef;
  index: number;
  readOnly: boolean;
  removable: boolean;
  photos: ReturnType<typeof photoStore>;
  onCaption: (caption: string) => Promise<unknown>;
  onRemove: () => Promise<unknown>;
}

const captionRule = PhotoRef.shape.caption;

function PhotoItem({ photo, index, readOnly, removable, photos, onCaption, onRemove }: ItemProps) {
  const [text, setText] = useState(photo.caption);
  const [problem, setProblem] = useState<string | null>(null);
  const label = photo.caption ? `Photo ${index}: ${photo.caption}` : `Photo ${index}`;
  return (
    <li class="photo-item">
      <PhotoThumb photo={photo} photos={photos} alt={label} />
      {readOnly ? (
        photo.caption && <p class="photo-caption">{photo.caption}</p>
      ) : (
        <input
          type="text"
          class="photo-caption-input"
          aria-label={`Caption for photo ${index}`}
          placeholder="Caption (optional)"
          maxLength={200}
          value={text}
          onInput={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            const checked = captionRule.safeParse(next);
            if (!checked.success) {
              setProblem(checked.error.issues[0]?.message ?? 'This caption cannot be kept');
              return;
            }
            setProblem(null);
            void onCaption(next);
          }}
        />
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {removable && (
        <button
          type="button"
          class="button quiet screen-only"
          aria-label={`Remove photo ${index}`}
          onClick={() => void onRemove()}
        >
          Remove
        </button>
      )}
    </li>
  );
}
