export function pageToLines(): never { throw new Error('pdf-lines not written yet'); }
