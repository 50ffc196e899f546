/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-meeting-ical.h: a meeting as an iCalendar (.ics) invitation */
#pragma once

#include "raad-store.h"

G_BEGIN_DECLS

/* The time zone the meeting times are in: every council meets in the Netherlands. */
#define RAAD_MEETING_ICAL_TZID "Europe/Amsterdam"

/* The meeting as a VCALENDAR with one VEVENT: UID "<meeting id>@raadswerk" (the same on every
 * export, so a calendar updates the event instead of adding a second), DTSTART/DTEND with
 * TZID=Europe/Amsterdam and its VTIMEZONE (an end before the start is the next day; without
 * an end, the agenda's computed end), SUMMARY "<council>: meeting", LOCATION (the place, else
 * the online link), URL (the online link) and DESCRIPTION (the online link and the agenda as
 * plain text). NULL with @error when the meeting does not exist. */
char     *raad_meeting_ical_to_string (RaadStore   *store,
                                       const char  *meeting_id,
                                       GError     **error);
/* Writes it to @path: the file appears whole or not at all. */
gboolean  raad_meeting_ical_save      (RaadStore   *store,
                                       const char  *meeting_id,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
