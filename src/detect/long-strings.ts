/** Bytes of a long string's JSON text scanned at a time (placeholder until the windowed scan lands). */
export const STRING_WINDOW = 1 << 20;
