/* od-pinyin.h — pinyin sort keys and initials for Chinese names, without a locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At most this many alternative initial strings in od_pinyin_search_terms(). */
#define OD_PINYIN_MAX_ALTERNATIVES 8

const char *od_pinyin_syllable       (gunichar    c);
guint32     od_pinyin_initials_mask  (gunichar    c);

char       *od_pinyin_sort_key       (const char *text);
char       *od_pinyin_initials       (const char *text);
gboolean    od_pinyin_initials_match (const char *text,
                                      const char *query);
char       *od_pinyin_search_terms   (const char *text);

G_END_DECLS
