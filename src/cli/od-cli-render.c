/* od-cli-render.c — orgdesk-cli: chart and report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-cli.h"
#include "od-cli-private.h"
#include "od-db.h"
#include "od-i18n.h"
#include "od-output.h"
#include "od-render-registry.h"
#include "od-settings-store.h"


static gboolean
apply_language (const char *lang)
{
  if (lang == NULL)
    return TRUE;
  if (!g_str_equal (lang, "zh_CN") && !g_str_equal (lang, "en"))
    {
      _od_cli_print_error (_("Unknown language “%s”: use zh_CN or en."), lang);
      return FALSE;
    }
  g_setenv ("LANGUAGE", lang, TRUE);
  od_i18n_init ();
  return TRUE;
}


static gboolean
output_has_extension (const char        *output,
                      const char *const *extensions)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

/* Opens the database only for kinds made from it. */
static gboolean
prepare_request (OdCli            *cli,
                 gboolean          needs_db,
                 OdRenderRequest  *request,
                 OdDb            **db,
                 char            **association,
                 int              *exit_code)
{
  if (!needs_db)
    return TRUE;
  *db = _od_cli_open_database (cli, OD_DB_OPEN_DEFAULT, FALSE, exit_code);
  if (*db == NULL)
    return FALSE;
  *association = od_settings_get (*db, OD_SETTING_ASSOCIATION_NAME, NULL);
  request->db = *db;
  request->association = *association;
  return TRUE;
}

static void
print_kinds (gboolean charts)
{
  g_autoptr(GPtrArray) kinds = od_render_list_kinds (charts);

  for (guint i = 0; i < kinds->len; i++)
    {
      const OdRenderKind *kind = g_ptr_array_index (kinds, i);

      g_print ("  %-22s %s\n", kind->name, _(kind->summary));
    }
}

static int
cmd_chart_or_report (OdCli    *cli,
                     int       argc,
                     char    **argv,
                     gboolean  chart)
{
  const char *command = chart ? "chart" : "report";
  const char *const chart_extensions[] = { ".png", ".pdf", ".svg", NULL };
  const char *const report_extensions[] = { ".pdf", ".png", ".svg", NULL };
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  gboolean list = FALSE;
  int year = 0, width = 800, height = 500;
  gint64 org = 0;
  gint64 session = 0;
  gint64 course = 0;
  gint64 round = 0;
  const GOptionEntry chart_entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (.png, .pdf or .svg)"),
      N_("FILE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year to show"), N_("YEAR") },
    { "org", 0, 0, G_OPTION_ARG_INT64, &org, N_("The organization to show"), N_("ID") },
    { "session", 0, 0, G_OPTION_ARG_INT64, &session, N_("The training session (sign-in sheet)"),
      N_("ID") },
    { "course", 0, 0, G_OPTION_ARG_INT64, &course, N_("The course (badges)"), N_("ID") },
    { "round", 0, 0, G_OPTION_ARG_INT64, &round,
      N_("The evaluation round, instead of the year's"), N_("ID") },
    /* The same as --org, for reports too (an organization's score card). */
    { "organization", 0, 0, G_OPTION_ARG_INT64, &org,
      N_("The organization (score card, radar chart)"), N_("ID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the texts: zh_CN or en"),
      N_("LANG") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for PDF and SVG)"),
      N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (points for PDF and SVG)"),
      N_("H") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the kinds that can be made"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("png, pdf or svg, when FILE does not say (-o - is standard output)"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  const char *const format_names[] = { "png", "pdf", "svg", NULL };
  /* Reports take no size: they are A4 pages. */
  const GOptionEntry *entries = chart_entries;
  GOptionEntry report_entries[G_N_ELEMENTS (chart_entries)];
  OdRenderRequest request = { NULL, 0, 0, NULL };
  g_autoptr(OdDb) db = NULL;
  g_autofree char *association = NULL;
  g_autoptr(GError) error = NULL;
  const OdRenderKind *kind;
  int code = OD_CLI_OK;

  if (!chart)
    {
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (chart_entries); i++)
        if (chart_entries[i].long_name == NULL
            || (!g_str_equal (chart_entries[i].long_name, "width")
                && !g_str_equal (chart_entries[i].long_name, "height")
                && !g_str_equal (chart_entries[i].long_name, "org")
                && !g_str_equal (chart_entries[i].long_name, "format")))
          report_entries[n++] = chart_entries[i];
      entries = report_entries;
    }

  if (!_od_cli_parse_options (command, _("KIND"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (list)
    {
      print_kinds (chart);
      return OD_CLI_OK;
    }
  if (argc != 2)
    {
      _od_cli_print_error (chart ? _("Say which chart to make: orgdesk-cli chart KIND -o FILE. Kinds:")
                                 : _("Say which report to make: orgdesk-cli report KIND -o FILE.pdf. Kinds:"));
      print_kinds (chart);
      return OD_CLI_USAGE;
    }
  if (output == NULL)
    {
      _od_cli_print_error (_("Say where to write it: -o FILE"));
      return OD_CLI_USAGE;
    }
  if (format != NULL && !g_strv_contains (format_names, format))
    {
      _od_cli_print_error (_("Unknown format “%s”: use png, pdf or svg."), format);
      return OD_CLI_USAGE;
    }
  if (format == NULL && !output_has_extension (output, chart ? chart_extensions : report_extensions))
    {
      /* Standard output, a device or a pipe has no name to tell the type by:
       * a report goes there as PDF, a chart as the format asked for. */
      if (!od_output_is_stream (output) || chart)
        {
          if (chart && od_output_is_stream (output))
            _od_cli_print_error (_("Say the file type for “%s”: add --format png, pdf or svg."), output);
          else
            _od_cli_print_error (_("“%s” must end in .png, .pdf or .svg."), output);
          return OD_CLI_USAGE;
        }
    }
  if (width < 100 || height < 100 || width > 10000 || height > 10000)
    {
      _od_cli_print_error (_("The size must be between 100 and 10000."));
      return OD_CLI_USAGE;
    }
  if (!apply_language (lang))
    return OD_CLI_USAGE;

  kind = od_render_find_kind (argv[1], chart);
  if (kind == NULL)
    {
      _od_cli_print_error (chart ? _("There is no chart “%s”. Kinds:") : _("There is no report “%s”. Kinds:"),
                           argv[1]);
      print_kinds (chart);
      return OD_CLI_USAGE;
    }
  request.year = year;
  request.org_id = org;
  request.session_id = session;
  request.course_id = course;
  request.round_id = round;
  if (!prepare_request (cli, kind->needs_db, &request, &db, &association, &code))
    return code;

  if (chart)
    {
      g_autoptr(OdChart) result = od_render_build_chart (argv[1], &request, &error);

      if (result == NULL || !od_chart_save_as (result, output, format, width, height, &error))
        return _od_cli_fail (g_steal_pointer (&error));
    }
  else
    {
      g_autoptr(OdDocument) result = od_render_build_report (argv[1], &request, &error);

      if (result == NULL || !od_document_save (result, output, &error))
        return _od_cli_fail (g_steal_pointer (&error));
    }
  _od_cli_print_written (output);
  return OD_CLI_OK;
}

int
_od_cli_cmd_chart (OdCli  *cli,
                   int     argc,
                   char  **argv)
{
  return cmd_chart_or_report (cli, argc, argv, TRUE);
}

int
_od_cli_cmd_report (OdCli  *cli,
                    int     argc,
                    char  **argv)
{
  return cmd_chart_or_report (cli, argc, argv, FALSE);
}
