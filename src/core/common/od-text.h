/* od-text.h — text fields as a person sees them: one normal form for every
 * store and the import, so that matching and duplicate checks compare what
 * is on the screen, not invisible characters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TEXT (NULL is "") in Unicode NFC, with the invisible format characters
 * that make look-alike names taken out — zero-width space, non-joiner and
 * joiner, word joiner, BOM / zero-width no-break space, soft hyphen, the
 * bidirectional marks, embeddings, overrides and isolates — and every
 * Unicode space (no-break, ideographic, …) trimmed at both ends. Invalid
 * UTF-8 is made valid. Control characters are kept: see
 * od_text_find_control(). */
char       *od_text_normalize     (const char *text);

/* TEXT with full-width ASCII forms (ＡＢＣ１２３，) and the ideographic
 * space folded to ASCII, as spreadsheets typed on a Chinese keyboard need. */
char       *od_text_fold_width    (const char *text);

/* ITEMS (char *) as "a, b, c", with the translated separator. */
char       *od_text_join_list     (GPtrArray  *items);

/* The first control character in TEXT (ESC, BEL, a line break, …), or 0.
 * MULTILINE allows line breaks and tabs (notes). */
gunichar    od_text_find_control  (const char *text,
                                   gboolean    multiline);

/* "U+001B" for messages: a control character cannot be shown. */
char       *od_text_describe_char (gunichar    c);

G_END_DECLS
