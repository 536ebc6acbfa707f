import { useEffect, useState } from 'preact/hooks';
import type { PhotoRef } from '../../../shared/photos';
import type { PhotoStore } from '../../data/photo-store';

/** One photo, shown from an object URL made of its blob (and let go when it leaves). */
export function PhotoThumb({
  photo,
  photos,
  alt,
}: {
  photo: PhotoRef;
  photos: PhotoStore;
  alt: string;
}) {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    void photos.blobOf(photo).then((blob) => {
      if (!live) return;
      made = blob ? URL.createObjectURL(blob) : null;
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [photo.hash, photos]);
  if (url === undefined) return <span class="photo-thumb photo-waiting">Loading…</span>;
  if (url === null) {
    return <span class="photo-thumb photo-waiting">Not on this device yet: sync to see it</span>;
  }
  return (
    <img
      class="photo-thumb"
      src={url}
      alt={alt}
      width={photo.width}
      height={photo.height}
      data-hash={photo.hash}
    />
  );
}
