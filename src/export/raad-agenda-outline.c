/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-outline.c: a meeting's agenda read once for the exports (PDF, Markdown, .ics) */

/* The three agenda exports print the same things: numbers and start times from raad-schedule,
 * purpose labels, presenter names, the overrun warning. They are worked out here once so that
 * the PDF, the Markdown and the invitation cannot disagree.
 */

#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>

#include "raad-agenda.h"
#include "raad-agenda-outline.h"
#include "raad-council.h"
#include "raad-member.h"
#include "raad-query.h"
#include "raad-record-list.h"
#include "raad-schedule.h"

static void
line_free (gpointer data)
{
  RaadAgendaLine *line = data;

  g_clear_object (&line->item);
  g_free (line->number);
  g_free (line->time);
  g_free (line->presenter);
  g_free (line->documents);
  g_free (line);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

const char *
raad_agenda_purpose_label (const char *purpose)
{
  if (g_strcmp0 (purpose, "information") == 0)
    return _("Information");
  if (g_strcmp0 (purpose, "discussion") == 0)
    return _("Discussion");
  if (g_strcmp0 (purpose, "decision") == 0)
    return _("Decision");
  if (g_strcmp0 (purpose, "advice-request") == 0)
    return _("Advice request");
  if (g_strcmp0 (purpose, "consent-request") == 0)
    return _("Consent request");
  if (g_strcmp0 (purpose, "unsolicited-advice") == 0)
    return _("Unsolicited advice");
  return nonempty (purpose);
}

char *
raad_agenda_format_date (const char *date,
                         const char *format)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;
  int year, month, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  when = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (when == NULL)
    return NULL;
  text = g_date_time_format (when, format);
  if (text == NULL)
    return g_strdup (date);
  return g_strdup (g_strstrip (text));
}

char *
raad_agenda_dup_member_name (RaadStore  *store,
                             const char *member_id)
{
  g_autoptr(RaadRecord) record = NULL;

  if (nonempty (member_id) == NULL)
    return NULL;
  record = raad_record_load (store, member_id, NULL);
  if (record == NULL || !RAAD_IS_MEMBER (record) || raad_record_get_deleted (record))
    return NULL;
  return g_strdup (nonempty (raad_member_get_name (RAAD_MEMBER (record))));
}

static int
compare_by_due (gconstpointer a,
                gconstpointer b)
{
  RaadRecord *ra = *(RaadRecord **) a;
  RaadRecord *rb = *(RaadRecord **) b;
  int c = g_strcmp0 (raad_record_get_string (ra, "due"), raad_record_get_string (rb, "due"));

  return c != 0 ? c : g_strcmp0 (raad_record_get_id (ra), raad_record_get_id (rb));
}

GPtrArray *
raad_agenda_action_points_of (RaadStore  *store,
                              const char *meeting_id)
{
  g_autoptr(RaadQuery) query = raad_query_new ("action_point");
  g_autoptr(RaadRecordList) list = NULL;
  GPtrArray *points = g_ptr_array_new_with_free_func (g_object_unref);

  raad_query_where_equals (query, "meeting_id", meeting_id);
  list = raad_record_list_new (store, query);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      RaadRecord *point = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (point != NULL)
        g_ptr_array_add (points, point);
    }
  g_ptr_array_sort (points, compare_by_due);
  return points;
}

RaadAgendaOutline *
raad_agenda_outline_new (RaadStore   *store,
                         const char  *meeting_id,
                         GError     **error)
{
  g_autoptr(RaadAgendaOutline) self = g_new0 (RaadAgendaOutline, 1);
  g_autoptr(RaadRecord) meeting = NULL;
  g_autoptr(RaadRecord) council = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree RaadScheduleEntry *entries = NULL;
  const char * const *guests;
  const char *council_id;
  guint end = 0;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);

  self->lines = g_ptr_array_new_with_free_func (line_free);
  meeting = raad_record_load (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  if (!RAAD_IS_MEETING (meeting) || raad_record_get_deleted (meeting))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The meeting no longer exists"));
      return NULL;
    }
  self->meeting = RAAD_MEETING (g_steal_pointer (&meeting));

  council_id = raad_record_get_string (RAAD_RECORD (self->meeting), "council-id");
  if (council_id != NULL)
    council = raad_record_load (store, council_id, NULL);
  if (council != NULL && RAAD_IS_COUNCIL (council)
      && nonempty (raad_council_get_name (RAAD_COUNCIL (council))) != NULL)
    self->council_name = g_strdup (raad_council_get_name (RAAD_COUNCIL (council)));
  else
    self->council_name = g_strdup (_("Unnamed council"));

  /* TRANSLATORS: a meeting's date as in "Thursday 3 December 2026"; see g_date_time_format() */
  /* xgettext:no-c-format */
  self->date_text = raad_agenda_format_date (raad_record_get_string (RAAD_RECORD (self->meeting), "date"),
                                             _("%A %-e %B %Y"));
  self->start_time = nonempty (raad_record_get_string (RAAD_RECORD (self->meeting), "start-time"));
  self->end_time = nonempty (raad_record_get_string (RAAD_RECORD (self->meeting), "end-time"));
  self->place = nonempty (raad_record_get_string (RAAD_RECORD (self->meeting), "place"));
  self->online_link = nonempty (raad_record_get_string (RAAD_RECORD (self->meeting), "online-link"));
  guests = raad_record_get_strv (RAAD_RECORD (self->meeting), "guests");
  if (guests != NULL && guests[0] != NULL)
    self->guests = g_strjoinv (", ", (char **) guests);

  self->has_times = raad_schedule_parse_time (self->start_time, &self->start);
  if (self->has_times && raad_schedule_parse_time (self->end_time, &end))
    self->planned_end = raad_schedule_planned_end (self->start, end);

  items = raad_agenda_list_items (store, meeting_id);
  entries = g_new0 (RaadScheduleEntry, MAX (items->len, 1));
  for (guint i = 0; i < items->len; i++)
    {
      RaadRecord *item = g_ptr_array_index (items, i);

      entries[i].depth = nonempty (raad_record_get_string (item, "parent-id")) != NULL ? 1 : 0;
      g_object_get (item, "duration", &entries[i].duration, NULL);
    }
  self->agenda_end = raad_schedule_compute (entries, items->len, self->start);
  self->overrun = self->has_times && self->planned_end > 0
                  && self->agenda_end > self->planned_end;

  for (guint i = 0; i < items->len; i++)
    {
      RaadRecord *item = g_ptr_array_index (items, i);
      RaadAgendaLine *line = g_new0 (RaadAgendaLine, 1);

      line->item = g_object_ref (RAAD_AGENDA_ITEM (item));
      line->depth = entries[i].depth;
      line->number = raad_schedule_format_number (entries[i].number);
      line->time = self->has_times ? raad_schedule_format_time (entries[i].start) : NULL;
      line->duration = entries[i].duration;
      line->title = raad_record_get_string (item, "title");
      if (line->title == NULL)
        line->title = "";
      line->standard = nonempty (raad_record_get_string (item, "standard"));
      line->purpose = raad_agenda_purpose_label (raad_record_get_string (item, "purpose"));
      line->presenter = raad_agenda_dup_member_name (store,
                                                     raad_record_get_string (item, "presenter-id"));
      line->guest = nonempty (raad_record_get_string (item, "guest"));
      {
        g_auto(GStrv) documents = raad_record_list_attachments (item);

        if (documents[0] != NULL)
          line->documents = g_strjoinv (", ", documents);
      }
      g_ptr_array_add (self->lines, line);
    }

  return g_steal_pointer (&self);
}

void
raad_agenda_outline_free (RaadAgendaOutline *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->meeting);
  g_free (self->council_name);
  g_free (self->date_text);
  g_free (self->guests);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_free (self);
}

char *
raad_agenda_outline_dup_warning (RaadAgendaOutline *self)
{
  g_autofree char *until = NULL;
  g_autofree char *planned = NULL;
  guint late;

  if (!self->overrun)
    return NULL;
  until = raad_schedule_format_time (self->agenda_end);
  planned = raad_schedule_format_time (self->planned_end);
  late = self->agenda_end - self->planned_end;
  /* TRANSLATORS: "The agenda runs until 22:05, 35 minutes past the planned end (21:30)." */
  return g_strdup_printf (ngettext ("The agenda runs until %s, %u minute past the planned end (%s).",
                                    "The agenda runs until %s, %u minutes past the planned end (%s).",
                                    late),
                          until, late, planned);
}

char *
raad_agenda_outline_dup_time_range (RaadAgendaOutline *self)
{
  if (self->start_time == NULL)
    return NULL;
  if (self->end_time == NULL)
    return g_strdup (self->start_time);
  /* TRANSLATORS: a meeting's time: "19:30–21:30" */
  return g_strdup_printf (_("%s–%s"), self->start_time, self->end_time);
}
