/* od-render-registry.h — the charts and reports orgdesk-cli and the window can make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each domain adds its chart and report kinds to the tables in
 * od-render-registry.c. A factory reads figures through od-stats (core) and
 * hands plain data to od-chart / od-document; it draws nothing itself.
 */
#pragma once

#include "od-chart.h"
#include "od-document.h"
#include "od-types.h"

G_BEGIN_DECLS

#define OD_RENDER_ERROR (od_render_error_quark ())

typedef enum
{
  OD_RENDER_ERROR_UNKNOWN_KIND,
  OD_RENDER_ERROR_NEEDS_DATABASE,
  OD_RENDER_ERROR_NEEDS_RECORD,    /* the kind is about one record: say which (--session, --course,
                                    * --organization) */
} OdRenderError;

typedef struct
{
  OdDb       *db;          /* NULL when no database is open */
  int         year;        /* 0 when not given */
  gint64      org_id;      /* an organization (--org, --organization); 0 when not given */
  const char *association; /* printed in report headers; may be NULL */
  gint64      session_id;  /* a training session, for its sign-in sheet; 0 when not given */
  gint64      course_id;   /* a course, for its badges; 0 when not given */
  gint64      round_id;    /* an evaluation round, instead of the year's; 0 when not given */
} OdRenderRequest;

typedef OdChart    *(*OdChartFactory)  (const OdRenderRequest  *request,
                                        GError                **error);
typedef OdDocument *(*OdReportFactory) (const OdRenderRequest  *request,
                                        GError                **error);

/* One kind that can be made: a chart (chart set) or a report (report set). */
typedef struct
{
  const char      *name;
  const char      *summary;    /* N_() */
  gboolean         needs_db;
  OdChartFactory   chart;
  OdReportFactory  report;
} OdRenderKind;

GQuark              od_render_error_quark  (void);
GPtrArray          *od_render_list_kinds   (gboolean                charts);
const OdRenderKind *od_render_find_kind    (const char             *name,
                                            gboolean                chart);
OdChart            *od_render_build_chart  (const char             *name,
                                            const OdRenderRequest  *request,
                                            GError                **error);
OdDocument         *od_render_build_report (const char             *name,
                                            const OdRenderRequest  *request,
                                            GError                **error);

G_END_DECLS
