/**
 * A figure (the claim graph as drawn, the clusters' timeline) saved as an image file. The page
 * draws it; on the desktop the backend writes it to the path the save dialog returned.
 */
import { z } from 'zod';

export const FigureKind = z.enum(['svg', 'png']);
export type FigureKind = z.infer<typeof FigureKind>;

/** The largest figure accepted, as base64 (a 5,000-claim graph at twice the screen's scale is ~15 MB). */
export const MAX_FIGURE_BASE64 = 80_000_000;

export const FIGURE_MIME: Record<FigureKind, string> = { svg: 'image/svg+xml', png: 'image/png' };
