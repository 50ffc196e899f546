/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals.h: the constituency loop: a signal's status flow, its place on an agenda, feedback */
#pragma once

#include "raad-agenda-item.h"
#include "raad-meeting.h"
#include "raad-record-list.h"
#include "raad-signal.h"

G_BEGIN_DECLS

#define RAAD_SIGNALS_ERROR (raad_signals_error_quark ())

typedef enum
{
  RAAD_SIGNALS_ERROR_INVALID,      /* a required field is missing or malformed */
  RAAD_SIGNALS_ERROR_NOT_HANDLED,  /* feedback recorded before the signal was handled */
  RAAD_SIGNALS_ERROR_NO_MEETING,   /* no meeting of the council on or after today */
  RAAD_SIGNALS_ERROR_STATUS,       /* the step does not fit the signal's status */
} RaadSignalsError;

GQuark raad_signals_error_quark (void);

/* Days between a signal and the feedback owed on it, by default (six weeks). */
#define RAAD_SIGNALS_FEEDBACK_DAYS 42

/* The sources, in the order a form offers them ("living-room" … "other"). */
const char * const *raad_signals_sources        (void);
/* A source, a status, in the user's language. */
const char         *raad_signals_source_label   (const char   *source);
const char         *raad_signals_status_label   (const char   *status);

/* The status in words as the list shows it: "On the agenda", or "No longer on the agenda"
 * when the agenda item it was put on is gone or no longer lists it. */
const char         *raad_signals_describe_status (RaadSignal  *signal);

/* @date (YYYY-MM-DD) plus @days, or NULL when @date is no date. */
char               *raad_signals_date_add_days  (const char   *date,
                                                 int           days);

/* Fills the defaults (status "new", raised_by_kind "group", a feedback due date six weeks
 * after the date received when feedback is owed), checks the fields (date, source, location,
 * theme and text are required) and saves. Nothing is written when a field is wrong. */
gboolean            raad_signals_save           (RaadSignal   *signal,
                                                 GError      **error);
gboolean            raad_signals_validate       (RaadSignal   *signal,
                                                 GError      **error);

/* The council's first meeting on or after @today that is not cancelled, or NULL. */
RaadMeeting        *raad_signals_next_meeting   (RaadStore    *store,
                                                 const char   *council_id,
                                                 const char   *today);

/* The agenda item title for a signal: from its theme and location, never from its text. */
char               *raad_signals_agenda_title   (RaadSignal   *signal);

/* Puts @signal on the agenda of @meeting (NULL: the council's next meeting on or after
 * @today; none → RAAD_SIGNALS_ERROR_NO_MEETING): a new item titled from theme and location
 * that lists the signal in signal_ids, and the signal's meeting_id, agenda_item_id and status
 * "on-agenda", in one transaction. Returns the new item. */
RaadAgendaItem     *raad_signals_put_on_agenda  (RaadStore    *store,
                                                 RaadSignal   *signal,
                                                 RaadMeeting  *meeting,
                                                 const char   *today,
                                                 GError      **error);
/* Takes it off again: the item forgets the signal (and is deleted when it lists no other
 * signal and holds no minutes or decision); the signal is "new" again. Also for a signal whose
 * item is gone. */
gboolean            raad_signals_take_off_agenda (RaadSignal  *signal,
                                                  GError     **error);
/* The agenda item @signal is on, or NULL when it is on none or the item is gone (deleted,
 * or no longer lists the signal). */
RaadAgendaItem     *raad_signals_get_agenda_item (RaadSignal  *signal);
/* TRUE when the signal says it is on an agenda but that item is gone. */
gboolean            raad_signals_agenda_item_gone (RaadSignal *signal);

/* Records what was done (or why not) on @date: @outcome is required. */
gboolean            raad_signals_record_handled (RaadSignal   *signal,
                                                 const char   *date,
                                                 const char   *outcome,
                                                 GError      **error);
/* Records the feedback given on @date and how: refused (RAAD_SIGNALS_ERROR_NOT_HANDLED)
 * until the signal is handled. */
gboolean            raad_signals_record_feedback (RaadSignal  *signal,
                                                  const char  *date,
                                                  const char  *how,
                                                  GError     **error);

/* Feedback owed, not given, and its due date before @today. */
gboolean            raad_signals_feedback_overdue (RaadSignal *signal,
                                                   const char *today);

/* The council's signals (@location and @theme filter when not NULL): overdue feedback on
 * @today first, the longest overdue first, then the newest first. As ids (a new GPtrArray of
 * strings), as records (RaadSignal), or as a lazy list model that builds a record only when
 * asked for one. */
GPtrArray          *raad_signals_list_ids       (RaadStore    *store,
                                                 const char   *council_id,
                                                 const char   *location,
                                                 const char   *theme,
                                                 const char   *today);
GPtrArray          *raad_signals_list           (RaadStore    *store,
                                                 const char   *council_id,
                                                 const char   *location,
                                                 const char   *theme,
                                                 const char   *today);
/* The ids as above, and (@n_overdue, may be NULL) how many of them come first as overdue. */
GPtrArray          *raad_signals_list_ids_counted (RaadStore  *store,
                                                   const char *council_id,
                                                   const char *location,
                                                   const char *theme,
                                                   const char *today,
                                                   guint      *n_overdue);
RaadRecordList     *raad_signals_list_model     (RaadStore    *store,
                                                 const char   *council_id,
                                                 const char   *location,
                                                 const char   *theme,
                                                 const char   *today);
/* How many of them, and (@n_overdue, may be NULL) how many with feedback overdue. */
guint               raad_signals_count          (RaadStore    *store,
                                                 const char   *council_id,
                                                 const char   *location,
                                                 const char   *theme,
                                                 const char   *today,
                                                 guint        *n_overdue);
/* The distinct values of @field ("location" or "theme") among the council's signals, sorted. */
GStrv               raad_signals_list_values    (RaadStore    *store,
                                                 const char   *council_id,
                                                 const char   *field);

/* Deletes @signal (a tombstone) and takes it off its agenda item's list, in one transaction;
 * raad_signals_undelete brings both back. */
gboolean            raad_signals_delete         (RaadSignal   *signal,
                                                 GError      **error);
gboolean            raad_signals_undelete       (RaadSignal   *signal,
                                                 GError      **error);

/* The signals an agenda item takes up that still exist (RaadSignal). */
GPtrArray          *raad_signals_for_agenda_item (RaadAgendaItem *item);

G_END_DECLS
