/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-meeting.h: a council meeting: when, where, who joins */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_MEETING (raad_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RaadMeeting, raad_meeting, RAAD, MEETING, RaadRecord)

/* A council's private record ("scope": "council"). JSON fields: council_id, title, date (YYYY-MM-DD), start_time and end_time ("HH:MM"), place, online_link, guests (names), status ("planned" | "held" | "cancelled"), notes.
 * Fields are read and written as GObject properties (raad_record_get_string etc.). */
RaadMeeting *raad_meeting_new (RaadStore *store);

G_END_DECLS
