/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-date.c: the dates records keep, YYYY-MM-DD */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "raad-date.h"

GDate *
raad_date_parse (const char *text)
{
  unsigned y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

char *
raad_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
raad_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
raad_date_days_between (const char *from,
                        const char *to,
                        int        *days)
{
  g_autoptr(GDate) a = raad_date_parse (from);
  g_autoptr(GDate) b = raad_date_parse (to);

  if (a == NULL || b == NULL)
    return FALSE;
  *days = g_date_days_between (a, b);
  return TRUE;
}
