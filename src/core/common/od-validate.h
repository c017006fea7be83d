/* od-validate.h — unified social credit codes and resident ID numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-organization-type.h"
#include "od-types.h"

G_BEGIN_DECLS

typedef enum
{
  OD_CODE_VALID = 0,
  OD_CODE_EMPTY,        /* nothing typed */
  OD_CODE_BAD_LENGTH,   /* not 18 characters; length holds what was found */
  OD_CODE_BAD_CHAR,     /* a character outside the charset; position holds where (1-based) */
  OD_CODE_BAD_DATE,     /* ID number: positions 7–14 are not a real date (or in the future) */
  OD_CODE_BAD_CHECK,    /* the check character is wrong; expected_check holds the right one */
} OdCodeStatus;

typedef struct
{
  OdCodeStatus status;
  char         normalized[19];   /* upper-cased, spaces and full-width forms folded; "" if too long */
  guint        length;           /* characters found after normalizing */
  guint        position;         /* 1-based, for OD_CODE_BAD_CHAR */
  char         found_check;      /* the 18th character as typed */
  char         expected_check;   /* for OD_CODE_BAD_CHECK (and filled whenever computable) */

  /* Credit codes only, filled whenever the length and charset are right */
  char         department;       /* position 1: '5' = civil affairs (民政) */
  OdOrganizationType    org_type;         /* position 2 when department is '5' */
  char         area_code[7];     /* positions 3–8, GB/T 2260 */
  gboolean     inner_check_ok;   /* position 17 vs 9–16 (GB 11714); a note, not a failure */
  char         inner_expected;   /* the organization-code check character expected at 17 */

  /* ID numbers only, filled when the date is right */
  guint        birth_year;
  guint        birth_month;
  guint        birth_day;
  gboolean     male;             /* 17th digit odd */
} OdCodeResult;

gboolean     od_validate_credit_code      (const char         *code,
                                           OdCodeResult       *result);
gboolean     od_validate_id_number        (const char         *id_number,
                                           OdCodeResult       *result);
char        *od_code_result_describe      (const OdCodeResult *result,
                                           gboolean            is_id_number);
char        *od_id_number_mask            (const char         *id_number);
void         od_normalize_code            (const char         *text,
                                           char               *out,
                                           gsize               out_size,
                                           guint              *n_chars);


G_END_DECLS
