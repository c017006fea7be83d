/* od-problem-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OD_TYPE_PROBLEM_PAGE (od_problem_page_get_type ())
G_DECLARE_FINAL_TYPE (OdProblemPage, od_problem_page, OD, PROBLEM_PAGE, AdwBin)

void od_problem_page_set_error (OdProblemPage *self,
                                const char    *path,
                                const GError  *error);

G_END_DECLS
