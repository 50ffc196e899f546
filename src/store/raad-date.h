/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-date.h: the dates records keep, YYYY-MM-DD */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses YYYY-MM-DD exactly; NULL for anything else. */
GDate *raad_date_parse      (const char *text);
/* @date as YYYY-MM-DD. */
char  *raad_date_format     (const GDate *date);
/* Today in the local time zone, as YYYY-MM-DD. */
char  *raad_date_today      (void);
/* The whole days from @from to @to (negative when @to is earlier); both YYYY-MM-DD. */
gboolean raad_date_days_between (const char *from,
                                 const char *to,
                                 int        *days);

G_END_DECLS
