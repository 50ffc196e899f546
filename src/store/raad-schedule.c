/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-schedule.c: numbers and start times of agenda items */
#include "config.h"

#include "raad-schedule.h"

#define DAY (24 * 60)

guint
raad_schedule_compute (RaadScheduleEntry *entries,
                       guint              n_entries,
                       guint              start)
{
  guint clock = start;
  guint top = 0;

  for (guint i = 0; i < n_entries; )
    {
      RaadScheduleEntry *item = &entries[i];
      guint sub_clock;
      guint sub = 0;
      guint j;

      /* A sub-item without a parent before it counts as an item. */
      item->number[0] = ++top;
      item->number[1] = 0;
      item->start = clock;
      sub_clock = clock;
      for (j = i + 1; j < n_entries && entries[j].depth > 0; j++)
        {
          entries[j].number[0] = top;
          entries[j].number[1] = ++sub;
          entries[j].start = sub_clock;
          sub_clock += entries[j].duration;
          entries[j].end = sub_clock;
        }
      item->end = MAX (clock + item->duration, sub_clock);
      clock = item->end;
      i = j;
    }
  return clock;
}

guint
raad_schedule_planned_end (guint start,
                           guint end)
{
  return end < start ? end + DAY : end;
}

gboolean
raad_schedule_parse_time (const char *text,
                          guint      *minutes)
{
  guint hours = 0;
  guint mins = 0;
  const char *p = text;
  guint n = 0;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isdigit (*p) && n < 2)
    hours = hours * 10 + (*p++ - '0'), n++;
  if (n == 0 || (*p != ':' && *p != '.'))
    return FALSE;
  p++;
  n = 0;
  while (g_ascii_isdigit (*p) && n < 2)
    mins = mins * 10 + (*p++ - '0'), n++;
  if (n != 2 || *p != '\0' || hours > 23 || mins > 59)
    return FALSE;
  if (minutes != NULL)
    *minutes = hours * 60 + mins;
  return TRUE;
}

char *
raad_schedule_format_time (guint minutes)
{
  guint days = minutes / DAY;
  guint in_day = minutes % DAY;

  if (days == 0)
    return g_strdup_printf ("%02u:%02u", in_day / 60, in_day % 60);
  return g_strdup_printf ("%02u:%02u (+%u)", in_day / 60, in_day % 60, days);
}

char *
raad_schedule_format_number (const guint number[2])
{
  if (number[1] == 0)
    return g_strdup_printf ("%u", number[0]);
  return g_strdup_printf ("%u.%u", number[0], number[1]);
}
