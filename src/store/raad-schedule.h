/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-schedule.h: numbers and start times of agenda items */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One agenda item as the schedule sees it, in agenda order: each sub-item right after its
 * parent (or after its parent's earlier sub-items). */
typedef struct
{
  guint depth;      /* in: 0 for an item, 1 for a sub-item */
  guint duration;   /* in: minutes */
  guint start;      /* out: minutes after midnight of the meeting's day (may pass 24:00) */
  guint end;        /* out */
  guint number[2];  /* out: 2.1 is {2, 1}; an item is {n, 0} */
} RaadScheduleEntry;

/* Fills start, end and number of @entries from the meeting's start (minutes after midnight)
 * and the durations; returns the end of the agenda. An item with sub-items lasts its own
 * duration or its sub-items' together, whichever is longer; its sub-items start with it. */
guint     raad_schedule_compute      (RaadScheduleEntry *entries,
                                      guint              n_entries,
                                      guint              start);
/* The planned end as minutes after the start's midnight: an end before the start is taken as
 * the next day (a meeting from 22:30 to 00:30). */
guint     raad_schedule_planned_end  (guint              start,
                                      guint              end);
/* "HH:MM" (24 h) to minutes; FALSE when it is no time of day. */
gboolean  raad_schedule_parse_time   (const char        *text,
                                      guint             *minutes);
/* Minutes after midnight as "HH:MM", with " (+1)" for the next day. */
char     *raad_schedule_format_time  (guint              minutes);
/* "2.1" for {2, 1}, "2" for {2, 0}. */
char     *raad_schedule_format_number (const guint       number[2]);

G_END_DECLS
