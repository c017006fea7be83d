/* od-test-db.h — shared helpers for the tests that open a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"
#include "od-test-util.h"

/* The fixture's database, created, migrated. */
static inline OdDb *
od_test_open_db (OdTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  OdDb *db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

/* The integer SQL gives (asserted to work). */
static inline gint64
od_test_query_int (OdDb       *db,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (od_db_query_int64 (db, sql, &value, &error));
  g_assert_no_error (error);
  return value;
}
