/* od-money.h — amounts of money as integer fen (分); never a float
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OD_MONEY_ERROR (od_money_error_quark ())

typedef enum
{
  OD_MONEY_ERROR_EMPTY,
  OD_MONEY_ERROR_INVALID,     /* not a number at all */
  OD_MONEY_ERROR_PRECISION,   /* finer than one fen */
  OD_MONEY_ERROR_SEPARATOR,   /* thousands separators in the wrong places */
  OD_MONEY_ERROR_RANGE,       /* larger than OD_MONEY_MAX_FEN */
} OdMoneyError;

/* 10^15 fen = 10 万亿元: far above anything the office records, far below G_MAXINT64 */
#define OD_MONEY_MAX_FEN G_GINT64_CONSTANT (1000000000000000)

GQuark   od_money_error_quark     (void);

char    *od_money_format          (gint64       fen);
char    *od_money_format_wan      (gint64       fen);
char    *od_money_format_capitals (gint64       fen);
gboolean od_money_parse           (const char  *text,
                                   gint64      *fen,
                                   GError     **error);

G_END_DECLS
