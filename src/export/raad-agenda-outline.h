/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-agenda-outline.h: a meeting's agenda read once for the exports (PDF, Markdown, .ics) */
#pragma once

#include "raad-action-point.h"
#include "raad-agenda-item.h"
#include "raad-meeting.h"

G_BEGIN_DECLS

/* One agenda item with what every export prints of it. */
typedef struct
{
  RaadAgendaItem *item;
  guint           depth;       /* 0 item, 1 sub-item */
  char           *number;      /* "2", "2.1" */
  char           *time;        /* "19:30", "00:10 (+1)" */
  guint           duration;    /* minutes */
  const char     *title;
  const char     *standard;    /* NULL for a subject */
  const char     *purpose;     /* a label in the user's language, or NULL */
  char           *presenter;   /* the presenter's name, or NULL */
  const char     *guest;       /* a guest joining at this item, or NULL */
  char           *documents;   /* the attached documents' names joined with ", ", or NULL */
} RaadAgendaLine;

typedef struct
{
  RaadMeeting *meeting;
  char        *council_name;
  char        *date_text;     /* "Thursday 3 December 2026" in the user's language */
  const char  *start_time;    /* "HH:MM" as stored, or NULL */
  const char  *end_time;
  const char  *place;
  const char  *online_link;
  char        *guests;        /* joined with ", ", or NULL */
  GPtrArray   *lines;         /* RaadAgendaLine* in agenda order */
  guint        start;         /* minutes after midnight */
  guint        agenda_end;    /* the computed end */
  guint        planned_end;   /* the meeting's end (after the start's midnight) */
  gboolean     has_times;     /* start time known */
  gboolean     overrun;       /* the agenda runs past the planned end */
} RaadAgendaOutline;

/* Reads the meeting, its council and its items; NULL with @error when the meeting is missing. */
RaadAgendaOutline *raad_agenda_outline_new          (RaadStore          *store,
                                                     const char         *meeting_id,
                                                     GError            **error);
void               raad_agenda_outline_free         (RaadAgendaOutline  *self);
/* "The agenda runs until 22:05, 35 minutes past the planned end (21:30)." or NULL. */
char              *raad_agenda_outline_dup_warning  (RaadAgendaOutline  *self);
/* "19:30–21:30" (or just the start), or NULL without a start. */
char              *raad_agenda_outline_dup_time_range (RaadAgendaOutline *self);

/* The purpose of an agenda item ("advice-request") in the user's language. */
const char        *raad_agenda_purpose_label        (const char         *purpose);
/* A date YYYY-MM-DD with @format (translated strftime-like, g_date_time_format); NULL when
 * it is no date. */
char              *raad_agenda_format_date          (const char         *date,
                                                     const char         *format);
/* The name of a member by id, or NULL. */
char              *raad_agenda_dup_member_name      (RaadStore          *store,
                                                     const char         *member_id);
/* The action points made at @meeting_id, by due date (RaadActionPoint). */
GPtrArray         *raad_agenda_action_points_of     (RaadStore          *store,
                                                     const char         *meeting_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaadAgendaOutline, raad_agenda_outline_free)

G_END_DECLS
