/* od-cli-training.c — orgdesk-cli export-session and merge: attendance on
 * a laptop away from the office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-cli-training"

#include "config.h"

#include <glib/gi18n.h>

#include "od-cli-private.h"
#include "od-training-laptop.h"
#include "od-training-store.h"

int
_od_cli_cmd_export_session (OdCli  *cli,
                            int     argc,
                            char  **argv)
{
  g_autofree char *output = NULL;
  gint64 course = 0, session = 0;
  const GOptionEntry entries[] = {
    { "course", 0, 0, G_OPTION_ARG_INT64, &course, N_("The course to take away"), N_("ID") },
    { "session", 0, 0, G_OPTION_ARG_INT64, &session, N_("A session of the course to take away"),
      N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the laptop's database to FILE (a new file)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int code = OD_CLI_OK;

  if (!_od_cli_parse_options ("export-session", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (output == NULL || (course == 0) == (session == 0))
    {
      _od_cli_print_error (_("Say which course to take away and where to write it: "
                             "orgdesk-cli export-session --course ID -o FILE (or --session ID)"));
      return OD_CLI_USAGE;
    }
  db = _od_cli_open_database (cli, OD_DB_OPEN_DEFAULT, FALSE, &code);
  if (db == NULL)
    return code;
  if (session != 0)
    {
      g_autoptr(OdCourseSessionFields) fields = od_course_session_load (db, session, &error);

      if (fields == NULL)
        return _od_cli_fail (g_steal_pointer (&error));
      course = fields->course_id;
    }
  if (!od_training_export_course (db, course, output, &error))
    return _od_cli_fail (g_steal_pointer (&error));
  g_print (_("The course is in %s: open it with OrgDesk on the laptop, take the attendance, "
             "then bring it back with orgdesk-cli merge %s\n"), output, output);
  return OD_CLI_OK;
}

int
_od_cli_cmd_merge (OdCli  *cli,
                   int     argc,
                   char  **argv)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr(OdDb) db = NULL;
  g_autoptr(OdMergeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int code = OD_CLI_OK;

  if (!_od_cli_parse_options ("merge", _("FILE"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc != 2)
    {
      _od_cli_print_error (_("Give the laptop's database to merge: orgdesk-cli merge FILE"));
      return OD_CLI_USAGE;
    }
  db = _od_cli_open_database (cli, OD_DB_OPEN_DEFAULT, FALSE, &code);
  if (db == NULL)
    return code;
  result = od_training_merge (db, argv[1], &error);
  if (result == NULL)
    return _od_cli_fail (g_steal_pointer (&error));
  g_print (_("Merged %s: %u marks added, %u changed, %u unchanged; %u enrolments and %u people "
             "added, %u people matched.\n"), argv[1], result->marks_added, result->marks_updated,
           result->marks_unchanged, result->enrolments_added, result->people_added,
           result->people_matched);
  for (guint i = 0; i < result->conflicts->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (result->conflicts, i));
  for (guint i = 0; i < result->skipped->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (result->skipped, i));
  g_print (_("A backup of the database before the merge: %s\n"), result->backup_path);
  /* Translators: %s is the backup's file name */
  g_print (_("To undo the merge before anything else changes: orgdesk-cli restore %s\n"),
           result->backup_path);
  return OD_CLI_OK;
}
