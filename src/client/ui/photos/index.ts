export { NotePhotos, photosAllowedIn } from './NotePhotos';
