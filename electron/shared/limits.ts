// Limits on what a field may hold. A paste over the limit is refused with a message rather than
// truncated (truncating would silently lose what the secretary typed) or stored (a 1 MB field
// would make every keystroke's save and every document slow).

export const LIMITS = {
  /** Names, titles, units, captions, places. */
  shortText: 500,
  /** Recommendation and reply content, speech summaries: long enough for 10+ typed pages. */
  longText: 20_000,
  /** A title for the whole meeting. */
  title: 1_000,
  /** One photo file as picked or dropped. */
  photoBytes: 40 * 1024 * 1024,
  /** Pixels in one photo: refuses decompression bombs before decoding. */
  photoPixels: 100_000_000,
  /** Stored photos are downscaled so their long side is at most this. */
  photoLongSide: 2000,
  /** A meeting file as read from disk. */
  // A JS string cannot exceed ~512M characters, so base64 of more than ~380 MB could not even
  // cross the API. 300 MB is still far above a real meeting (20 photos ≈ 10 MB).
  meetingFileBytes: 300 * 1024 * 1024,
  /** All the bytes a meeting file may inflate to. */
  meetingFileInflated: 1024 * 1024 * 1024,
  /** Entries in a meeting file archive. */
  meetingFileEntries: 5_000,
  /** Search query length. */
  query: 200,
} as const;
