/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-meeting-ical.c: a meeting as an iCalendar (.ics) invitation */

/* Times carry TZID=Europe/Amsterdam with a VTIMEZONE written out here (CET/CEST with the EU
 * rules), not floating local time: a member abroad or a calendar server in UTC still sees
 * 19:30 Dutch time. The VTIMEZONE is a fixed text rather than libical's built-in zones, whose
 * TZIDs carry a "/freeassociation.sourceforge.net/" prefix and depend on the system's data.
 */

#define G_LOG_DOMAIN "raad-export"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>

#include <libical/ical.h>

#include "raad-agenda-markdown.h"
#include "raad-agenda-outline.h"
#include "raad-meeting-ical.h"

static const char vtimezone_text[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:" RAAD_MEETING_ICAL_TZID "\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "TZNAME:CEST\r\n"
  "DTSTART:19700329T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "TZNAME:CET\r\n"
  "DTSTART:19701025T030000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

static void
add_zoned_time (icalcomponent        *event,
                icalproperty         *property,
                gboolean              is_date)
{
  if (!is_date)
    icalproperty_add_parameter (property, icalparameter_new_tzid (RAAD_MEETING_ICAL_TZID));
  icalcomponent_add_property (event, property);
}

char *
raad_meeting_ical_to_string (RaadStore   *store,
                             const char  *meeting_id,
                             GError     **error)
{
  g_autoptr(RaadAgendaOutline) outline = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *agenda = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  const char *date;
  icalcomponent *calendar, *event, *zone;
  struct icaltimetype day, start, end;
  int year, month, mday;
  char *text;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  outline = raad_agenda_outline_new (store, meeting_id, error);
  if (outline == NULL)
    return NULL;

  date = raad_record_get_string (RAAD_RECORD (outline->meeting), "date");
  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &mday) != 3
      || !g_date_valid_dmy (mday, month, year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The meeting has no valid date"));
      return NULL;
    }

  day = icaltime_null_time ();
  day.year = year;
  day.month = month;
  day.day = mday;

  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Raadswerk//Raadswerk " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  uid = g_strdup_printf ("%s@raadswerk", meeting_id);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event,
                              icalproperty_new_dtstamp (icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ())));

  if (outline->has_times)
    {
      guint end_minutes = outline->planned_end > 0 ? outline->planned_end : outline->agenda_end;

      zone = icalparser_parse_string (vtimezone_text);
      icalcomponent_add_component (calendar, zone);

      start = day;
      start.is_date = 0;
      icaltime_adjust (&start, 0, 0, (int) outline->start, 0);
      end = day;
      end.is_date = 0;
      icaltime_adjust (&end, 0, 0, (int) MAX (end_minutes, outline->start), 0);
      add_zoned_time (event, icalproperty_new_dtstart (start), FALSE);
      add_zoned_time (event, icalproperty_new_dtend (end), FALSE);
    }
  else
    {
      /* No time: a day event. */
      day.is_date = 1;
      end = day;
      icaltime_adjust (&end, 1, 0, 0, 0);
      icalcomponent_add_property (event, icalproperty_new_dtstart (day));
      icalcomponent_add_property (event, icalproperty_new_dtend (end));
    }

  /* TRANSLATORS: the title of a meeting in a calendar: "Lokale raad De Linde: meeting" */
  summary = g_strdup_printf (_("%s: meeting"), outline->council_name);
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (outline->place != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (outline->place));
  else if (outline->online_link != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (outline->online_link));
  if (outline->online_link != NULL)
    {
      icalcomponent_add_property (event, icalproperty_new_url (outline->online_link));
      /* TRANSLATORS: first line of an invitation's description: "Online: https://…" */
      g_string_append_printf (description, _("Online: %s"), outline->online_link);
      g_string_append (description, "\n\n");
    }
  agenda = raad_agenda_plain_text (store, meeting_id);
  if (agenda != NULL)
    g_string_append (description, agenda);
  if (description->len > 0)
    icalcomponent_add_property (event, icalproperty_new_description (description->str));
  icalcomponent_add_component (calendar, event);

  text = g_strdup (icalcomponent_as_ical_string (calendar));
  icalcomponent_free (calendar);
  return text;
}

gboolean
raad_meeting_ical_save (RaadStore   *store,
                        const char  *meeting_id,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = raad_meeting_ical_to_string (store, meeting_id, error);
  if (text == NULL)
    return FALSE;
  /* g_file_set_contents writes a temporary file and renames it over @path. */
  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_warning ("Cannot save the invitation as %s: %s", display, local_error->message);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot save the invitation as “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}
