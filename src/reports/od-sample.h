/* od-sample.h — sample charts and a sample report that exercise every kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-render-registry.h"

G_BEGIN_DECLS

OdChart    *od_sample_chart             (OdChartKind             kind);
OdDocument *od_sample_report            (const OdRenderRequest  *request,
                                         GError                **error);

G_END_DECLS
