/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signals.c: the constituency loop: a signal's status flow, its place on an agenda, feedback */

/* Design. A signal walks new → on-agenda → handled → feedback-given. The link with the agenda
 * is kept on both sides (the signal's agenda_item_id, the item's signal_ids) and written in
 * one transaction. When the item is deleted elsewhere (another laptop, the meetings page),
 * nothing is rewritten behind the user's back: documents arrive in any order during sync, so
 * the signal keeps its link and is shown as "no longer on the agenda" until someone puts it
 * on an agenda again or takes it off. */

#define G_LOG_DOMAIN "raad-signals"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "raad-agenda.h"
#include "raad-query.h"
#include "raad-record-list.h"
#include "raad-signals.h"
#include "raad-store-private.h"

G_DEFINE_QUARK (raad-signals-error-quark, raad_signals_error)

static const char * const sources[] = {
  "living-room", "department-meeting", "exit-visit", "survey", "email", "mystery-guest", "other",
  NULL
};

static const char *
string_of (gpointer    record,
           const char *field)
{
  return raad_record_get_string (RAAD_RECORD (record), field);
}

static gboolean
is_date (const char *text)
{
  int y, m, d;

  return text != NULL && strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3
         && g_date_valid_dmy (d, m, y);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
feedback_owed (RaadSignal *signal)
{
  gboolean owed = FALSE;

  g_object_get (signal, "feedback-owed", &owed, NULL);
  return owed;
}

const char * const *
raad_signals_sources (void)
{
  return sources;
}

const char *
raad_signals_source_label (const char *source)
{
  if (g_strcmp0 (source, "living-room") == 0)
    return _("Living-room talk");
  if (g_strcmp0 (source, "department-meeting") == 0)
    return _("Department meeting");
  if (g_strcmp0 (source, "exit-visit") == 0)
    return _("Exit visit");
  if (g_strcmp0 (source, "survey") == 0)
    return _("Survey");
  if (g_strcmp0 (source, "email") == 0)
    return _("E-mail");
  if (g_strcmp0 (source, "mystery-guest") == 0)
    return _("Mystery guest");
  return _("Other");
}

const char *
raad_signals_status_label (const char *status)
{
  if (g_strcmp0 (status, "on-agenda") == 0)
    return _("On the agenda");
  if (g_strcmp0 (status, "handled") == 0)
    return _("Handled");
  if (g_strcmp0 (status, "feedback-given") == 0)
    return _("Feedback given");
  return _("New");
}

const char *
raad_signals_describe_status (RaadSignal *signal)
{
  const char *status = string_of (signal, "status");

  if (g_strcmp0 (status, "on-agenda") == 0 && raad_signals_agenda_item_gone (signal))
    return _("No longer on the agenda");
  return raad_signals_status_label (status);
}

char *
raad_signals_date_add_days (const char *date,
                            int         days)
{
  int y, m, d;
  g_autoptr(GDate) when = NULL;

  if (!is_date (date) || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  when = g_date_new_dmy (d, m, y);
  if (days >= 0)
    g_date_add_days (when, days);
  else
    g_date_subtract_days (when, -days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (when), g_date_get_month (when),
                          g_date_get_day (when));
}

/* Saving */

gboolean
raad_signals_validate (RaadSignal  *signal,
                       GError     **error)
{
  const char *kind = string_of (signal, "raised-by-kind");
  const char *status = string_of (signal, "status");

  g_return_val_if_fail (RAAD_IS_SIGNAL (signal), FALSE);

  if (string_of (signal, "council-id") == NULL)
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("The signal belongs to no council."));
      return FALSE;
    }
  if (!is_date (string_of (signal, "received")))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Enter the date of the signal as YYYY-MM-DD."));
      return FALSE;
    }
  if (!g_strv_contains (sources, string_of (signal, "source") ?: ""))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Choose where the signal came from."));
      return FALSE;
    }
  if (is_blank (string_of (signal, "location")))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Enter the location the signal is about."));
      return FALSE;
    }
  if (is_blank (string_of (signal, "theme")))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Enter a theme, so that signals can be grouped."));
      return FALSE;
    }
  if (is_blank (string_of (signal, "text")))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Describe the signal."));
      return FALSE;
    }
  if (kind != NULL && g_strcmp0 (kind, "group") != 0 && g_strcmp0 (kind, "person") != 0)
    {
      g_set_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                   "Unknown raised_by_kind “%s”", kind);
      return FALSE;
    }
  if (status != NULL && g_strcmp0 (status, "new") != 0 && g_strcmp0 (status, "on-agenda") != 0
      && g_strcmp0 (status, "handled") != 0 && g_strcmp0 (status, "feedback-given") != 0)
    {
      g_set_error (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                   "Unknown status “%s”", status);
      return FALSE;
    }
  if (feedback_owed (signal) && string_of (signal, "feedback-due") != NULL
      && !is_date (string_of (signal, "feedback-due")))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Enter the date feedback is due as YYYY-MM-DD."));
      return FALSE;
    }
  if (g_strcmp0 (status, "feedback-given") == 0 && string_of (signal, "outcome") == NULL)
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_NOT_HANDLED,
                           _("Feedback can only be recorded once the signal is handled."));
      return FALSE;
    }
  return TRUE;
}

gboolean
raad_signals_save (RaadSignal  *signal,
                   GError     **error)
{
  g_return_val_if_fail (RAAD_IS_SIGNAL (signal), FALSE);

  if (string_of (signal, "status") == NULL)
    g_object_set (signal, "status", "new", NULL);
  if (string_of (signal, "raised-by-kind") == NULL)
    g_object_set (signal, "raised-by-kind", "group", NULL);
  if (feedback_owed (signal) && is_blank (string_of (signal, "feedback-due")))
    {
      g_autofree char *due = raad_signals_date_add_days (string_of (signal, "received"),
                                                         RAAD_SIGNALS_FEEDBACK_DAYS);

      g_object_set (signal, "feedback-due", due, NULL);
    }
  if (!raad_signals_validate (signal, error))
    return FALSE;
  return raad_record_save (RAAD_RECORD (signal), error);
}

/* The agenda */

RaadMeeting *
raad_signals_next_meeting (RaadStore  *store,
                           const char *council_id,
                           const char *today)
{
  g_autoptr(RaadQuery) query = raad_query_new ("meeting");
  g_autoptr(RaadRecordList) list = NULL;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);

  if (council_id == NULL || today == NULL)
    return NULL;
  raad_query_where_equals (query, "council_id", council_id);
  raad_query_order_by (query, "date", FALSE);
  raad_query_order_by (query, "start_time", FALSE);
  list = raad_record_list_new (store, query);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RaadRecord) meeting = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (string_of (meeting, "date"), today) < 0
          || g_strcmp0 (string_of (meeting, "status"), "cancelled") == 0)
        continue;
      return RAAD_MEETING (g_steal_pointer (&meeting));
    }
  return NULL;
}

char *
raad_signals_agenda_title (RaadSignal *signal)
{
  const char *theme = string_of (signal, "theme");
  const char *location = string_of (signal, "location");

  if (location == NULL)
    /* Translators: an agenda item's title; %s is the theme of a signal */
    return g_strdup_printf (_("Signal from the constituency: %s"), theme);
  /* Translators: an agenda item's title: the theme and the location of a signal */
  return g_strdup_printf (_("Signal from the constituency: %s (%s)"), theme, location);
}

static gboolean
item_lists (RaadRecord *item,
            const char *signal_id)
{
  const char * const *ids = raad_record_get_strv (item, "signal-ids");

  return ids != NULL && g_strv_contains (ids, signal_id);
}

RaadAgendaItem *
raad_signals_get_agenda_item (RaadSignal *signal)
{
  const char *item_id = string_of (signal, "agenda-item-id");
  g_autoptr(RaadRecord) item = NULL;

  if (item_id == NULL)
    return NULL;
  item = raad_record_load (raad_record_get_store (RAAD_RECORD (signal)), item_id, NULL);
  if (item == NULL || !RAAD_IS_AGENDA_ITEM (item) || raad_record_get_deleted (item)
      || !item_lists (item, raad_record_get_id (RAAD_RECORD (signal))))
    return NULL;
  return RAAD_AGENDA_ITEM (g_steal_pointer (&item));
}

gboolean
raad_signals_agenda_item_gone (RaadSignal *signal)
{
  g_autoptr(RaadAgendaItem) item = NULL;

  if (string_of (signal, "agenda-item-id") == NULL)
    return FALSE;
  item = raad_signals_get_agenda_item (signal);
  return item == NULL;
}

/* Writes @item's signal_ids with @signal_id added (@add) or taken out. */
static gboolean
set_listed (RaadRecord  *item,
            const char  *signal_id,
            gboolean     add,
            GError     **error)
{
  const char * const *ids = raad_record_get_strv (item, "signal-ids");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], signal_id) != 0)
      g_strv_builder_add (builder, ids[i]);
  if (add)
    g_strv_builder_add (builder, signal_id);
  result = g_strv_builder_end (builder);
  raad_record_set_strv (item, "signal-ids", (const char * const *) (result[0] != NULL ? result : NULL));
  return raad_record_save (item, error);
}

RaadAgendaItem *
raad_signals_put_on_agenda (RaadStore    *store,
                            RaadSignal   *signal,
                            RaadMeeting  *meeting,
                            const char   *today,
                            GError      **error)
{
  g_autoptr(RaadMeeting) next = NULL;
  g_autoptr(RaadAgendaItem) item = NULL;
  g_autoptr(RaadAgendaItem) old = NULL;
  g_autofree char *title = NULL;
  const char *status = string_of (signal, "status");
  const char *signal_id = raad_record_get_id (RAAD_RECORD (signal));

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (RAAD_IS_SIGNAL (signal), NULL);

  if (g_strcmp0 (status, "handled") == 0 || g_strcmp0 (status, "feedback-given") == 0)
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_STATUS,
                           _("This signal is handled already."));
      return NULL;
    }
  old = raad_signals_get_agenda_item (signal);
  if (old != NULL)
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_STATUS,
                           _("This signal is on an agenda already."));
      return NULL;
    }
  if (meeting == NULL)
    {
      next = raad_signals_next_meeting (store, string_of (signal, "council-id"), today);
      if (next == NULL)
        {
          g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_NO_MEETING,
                               _("No meeting is planned: plan the next meeting first."));
          return NULL;
        }
      meeting = next;
    }
  if (g_strcmp0 (string_of (meeting, "council-id"), string_of (signal, "council-id")) != 0)
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("The meeting belongs to another council."));
      return NULL;
    }
  if (!raad_signals_validate (signal, error))
    return NULL;

  title = raad_signals_agenda_title (signal);
  if (!raad_store_begin (store, error))
    return NULL;
  item = raad_agenda_add_item (store, meeting, NULL, title, error);
  if (item == NULL)
    goto fail;
  g_object_set (item, "purpose", "discussion", NULL);
  if (!set_listed (RAAD_RECORD (item), signal_id, TRUE, error))
    goto fail;
  g_object_set (signal,
                "meeting-id", raad_record_get_id (RAAD_RECORD (meeting)),
                "agenda-item-id", raad_record_get_id (RAAD_RECORD (item)),
                "status", "on-agenda",
                NULL);
  if (!raad_record_save (RAAD_RECORD (signal), error))
    goto fail;
  if (!raad_store_commit (store, error))
    goto fail_after_rollback;
  return g_steal_pointer (&item);

fail:
  raad_store_rollback (store);
fail_after_rollback:
  /* The live object still holds what was not written. */
  {
    g_autoptr(JsonObject) body = raad_store_get (store, signal_id, NULL);

    if (body != NULL)
      raad_record_set_from_json (RAAD_RECORD (signal), body);
    else
      g_object_set (signal, "meeting-id", NULL, "agenda-item-id", NULL, "status", status, NULL);
  }
  return NULL;
}

gboolean
raad_signals_take_off_agenda (RaadSignal  *signal,
                              GError     **error)
{
  RaadStore *store = raad_record_get_store (RAAD_RECORD (signal));
  const char *signal_id = raad_record_get_id (RAAD_RECORD (signal));
  const char *item_id = string_of (signal, "agenda-item-id");
  g_autoptr(RaadRecord) item = NULL;

  if (item_id == NULL)
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_STATUS,
                           _("This signal is on no agenda."));
      return FALSE;
    }
  item = raad_record_load (store, item_id, NULL);
  if (!raad_store_begin (store, error))
    return FALSE;
  if (item != NULL && RAAD_IS_AGENDA_ITEM (item) && !raad_record_get_deleted (item)
      && item_lists (item, signal_id))
    {
      const char * const *ids = raad_record_get_strv (item, "signal-ids");
      gboolean only = ids != NULL && g_strv_length ((GStrv) ids) == 1;

      /* An item made for this signal alone, with nothing written in it, goes with it. */
      if (only && string_of (item, "minutes") == NULL && string_of (item, "decision") == NULL)
        {
          if (!raad_record_delete (item, error))
            goto fail;
        }
      else if (!set_listed (item, signal_id, FALSE, error))
        goto fail;
    }
  g_object_set (signal, "meeting-id", NULL, "agenda-item-id", NULL, NULL);
  if (g_strcmp0 (string_of (signal, "status"), "on-agenda") == 0)
    g_object_set (signal, "status", "new", NULL);
  if (!raad_record_save (RAAD_RECORD (signal), error))
    goto fail;
  return raad_store_commit (store, error);

fail:
  raad_store_rollback (store);
  return FALSE;
}

/* Status */

gboolean
raad_signals_record_handled (RaadSignal  *signal,
                             const char  *date,
                             const char  *outcome,
                             GError     **error)
{
  g_return_val_if_fail (RAAD_IS_SIGNAL (signal), FALSE);

  if (!is_date (date))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Enter the date it was handled as YYYY-MM-DD."));
      return FALSE;
    }
  if (is_blank (outcome))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Describe what was done with the signal, or why nothing was done."));
      return FALSE;
    }
  g_object_set (signal, "handled", date, "outcome", outcome, NULL);
  /* Recording it again corrects the outcome; feedback given stays given. */
  if (g_strcmp0 (string_of (signal, "status"), "feedback-given") != 0)
    g_object_set (signal, "status", "handled", NULL);
  if (!raad_signals_save (signal, error))
    {
      g_autoptr(JsonObject) body = raad_store_get (raad_record_get_store (RAAD_RECORD (signal)),
                                                   raad_record_get_id (RAAD_RECORD (signal)), NULL);

      if (body != NULL)
        raad_record_set_from_json (RAAD_RECORD (signal), body);
      return FALSE;
    }
  return TRUE;
}

gboolean
raad_signals_record_feedback (RaadSignal  *signal,
                              const char  *date,
                              const char  *how,
                              GError     **error)
{
  const char *status = string_of (signal, "status");

  g_return_val_if_fail (RAAD_IS_SIGNAL (signal), FALSE);

  if (g_strcmp0 (status, "handled") != 0 && g_strcmp0 (status, "feedback-given") != 0)
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_NOT_HANDLED,
                           _("Feedback can only be recorded once the signal is handled: "
                             "record what was done first."));
      return FALSE;
    }
  if (!is_date (date))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Enter the date feedback was given as YYYY-MM-DD."));
      return FALSE;
    }
  if (g_strcmp0 (date, string_of (signal, "received")) < 0)
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Feedback cannot be given before the signal was received."));
      return FALSE;
    }
  if (is_blank (how))
    {
      g_set_error_literal (error, RAAD_SIGNALS_ERROR, RAAD_SIGNALS_ERROR_INVALID,
                           _("Describe how the feedback was given."));
      return FALSE;
    }
  g_object_set (signal, "feedback-given", date, "feedback-how", how, "status", "feedback-given",
                NULL);
  if (!raad_record_save (RAAD_RECORD (signal), error))
    {
      g_autoptr(JsonObject) body = raad_store_get (raad_record_get_store (RAAD_RECORD (signal)),
                                                   raad_record_get_id (RAAD_RECORD (signal)), NULL);

      if (body != NULL)
        raad_record_set_from_json (RAAD_RECORD (signal), body);
      return FALSE;
    }
  return TRUE;
}

gboolean
raad_signals_feedback_overdue (RaadSignal *signal,
                               const char *today)
{
  const char *due = string_of (signal, "feedback-due");

  return feedback_owed (signal) && string_of (signal, "feedback-given") == NULL
         && g_strcmp0 (string_of (signal, "status"), "feedback-given") != 0
         && due != NULL && today != NULL && strcmp (due, today) < 0;
}

/* Lists. A council may hold thousands of signals: the order (overdue feedback first, the
 * longest overdue first, then the newest) and the filters run in SQL, on indexed columns only
 * (migrations 6 and 7), never on the bodies, and the page builds records only for the rows it
 * shows. The overdue signals are one range of the index documents_signal_overdue, already in
 * their order; the others come newest first from documents_signal_newest: two reads of an
 * index and no sort, a few milliseconds for ten thousand signals. */

#define SIGNALS_CONDITIONS \
  " WHERE type = 'signal' AND f_council_id = ?1 AND deleted = 0" \
  "  AND (?2 IS NULL OR f_location = ?2)" \
  "  AND (?3 IS NULL OR f_theme = ?3)"
#define SIGNALS_WHERE " FROM documents" SIGNALS_CONDITIONS
/* Counting and the filters' values read documents_received alone, which holds every column
 * they need; named, because SQLite would as soon take documents_council and read each body. */
#define SIGNALS_COVERED " FROM documents INDEXED BY documents_received" SIGNALS_CONDITIONS

/* The same rule as raad_signals_feedback_overdue, on ?4 as today: f_feedback_open_due is the
 * date feedback is due while it is owed and not given. */
#define OVERDUE " AND f_feedback_open_due < ?4"
#define NOT_OVERDUE " AND (?4 IS NULL OR f_feedback_open_due IS NULL OR f_feedback_open_due >= ?4)"

static const char overdue_ids_sql[] =
  "SELECT id" SIGNALS_WHERE OVERDUE " ORDER BY f_feedback_open_due, f_received DESC, id";

static const char other_ids_sql[] =
  "SELECT id" SIGNALS_WHERE NOT_OVERDUE " ORDER BY f_received DESC, id";

static const char count_sql[] =
  "SELECT (SELECT count (*)" SIGNALS_COVERED "), (SELECT count (*)" SIGNALS_WHERE OVERDUE ")";

static sqlite3_stmt *
prepare_list (RaadStore   *store,
              const char  *sql,
              const char  *council_id,
              const char  *location,
              const char  *theme,
              const char  *today)
{
  sqlite3 *db = _raad_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Cannot list signals: %s", sqlite3_errmsg (db));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, council_id, -1, SQLITE_TRANSIENT);
  if (location != NULL)
    sqlite3_bind_text (stmt, 2, location, -1, SQLITE_TRANSIENT);
  if (theme != NULL)
    sqlite3_bind_text (stmt, 3, theme, -1, SQLITE_TRANSIENT);
  if (today != NULL)
    sqlite3_bind_text (stmt, 4, today, -1, SQLITE_TRANSIENT);
  return stmt;
}

GPtrArray *
raad_signals_list_ids_counted (RaadStore  *store,
                               const char *council_id,
                               const char *location,
                               const char *theme,
                               const char *today,
                               guint      *n_overdue)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  if (n_overdue != NULL)
    *n_overdue = 0;
  g_return_val_if_fail (RAAD_IS_STORE (store), ids);

  if (council_id == NULL)
    return ids;
  for (guint part = 0; part < 2; part++)
    {
      stmt = prepare_list (store, part == 0 ? overdue_ids_sql : other_ids_sql, council_id,
                           location, theme, today);
      if (stmt == NULL)
        return ids;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      if (part == 0 && n_overdue != NULL)
        *n_overdue = ids->len;
    }
  return ids;
}

GPtrArray *
raad_signals_list_ids (RaadStore  *store,
                       const char *council_id,
                       const char *location,
                       const char *theme,
                       const char *today)
{
  return raad_signals_list_ids_counted (store, council_id, location, theme, today, NULL);
}

GPtrArray *
raad_signals_list (RaadStore  *store,
                   const char *council_id,
                   const char *location,
                   const char *theme,
                   const char *today)
{
  g_autoptr(GPtrArray) ids = raad_signals_list_ids (store, council_id, location, theme, today);
  GPtrArray *signals = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      RaadRecord *signal = raad_record_load (store, ids->pdata[i], NULL);

      if (signal != NULL)
        g_ptr_array_add (signals, signal);
    }
  return signals;
}

RaadRecordList *
raad_signals_list_model (RaadStore  *store,
                         const char *council_id,
                         const char *location,
                         const char *theme,
                         const char *today)
{
  g_autoptr(GPtrArray) ids = raad_signals_list_ids (store, council_id, location, theme, today);
  RaadRecordList *list = _raad_record_list_new_for_ids (store, "signal");

  _raad_record_list_set_ids (list, ids);
  return list;
}

guint
raad_signals_count (RaadStore  *store,
                    const char *council_id,
                    const char *location,
                    const char *theme,
                    const char *today,
                    guint      *n_overdue)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (RAAD_IS_STORE (store), 0);

  if (n_overdue != NULL)
    *n_overdue = 0;
  if (council_id == NULL
      || (stmt = prepare_list (store, count_sql, council_id, location, theme, today)) == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      n = sqlite3_column_int (stmt, 0);
      if (n_overdue != NULL)
        *n_overdue = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  return n;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

GStrv
raad_signals_list_values (RaadStore  *store,
                          const char *council_id,
                          const char *field)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RAAD_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strcmp0 (field, "location") == 0 || g_strcmp0 (field, "theme") == 0,
                        NULL);

  /* f_location or f_theme, in the index: no body is read. */
  sql = g_strdup_printf ("SELECT DISTINCT f_%s" SIGNALS_COVERED, field);
  if (council_id != NULL
      && (stmt = prepare_list (store, sql, council_id, NULL, NULL, NULL)) != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, 0);

          if (sqlite3_column_type (stmt, 0) == SQLITE_TEXT && !is_blank (value))
            g_ptr_array_add (values, g_strdup (value));
        }
      sqlite3_finalize (stmt);
    }
  g_ptr_array_sort (values, compare_strings);
  g_ptr_array_add (values, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

/* Deleting */

gboolean
raad_signals_delete (RaadSignal  *signal,
                     GError     **error)
{
  RaadStore *store = raad_record_get_store (RAAD_RECORD (signal));
  g_autoptr(RaadAgendaItem) item = raad_signals_get_agenda_item (signal);

  if (!raad_store_begin (store, error))
    return FALSE;
  /* The item stays (it may hold minutes), without the signal. */
  if (item != NULL && !set_listed (RAAD_RECORD (item), raad_record_get_id (RAAD_RECORD (signal)),
                                   FALSE, error))
    goto fail;
  if (!raad_record_delete (RAAD_RECORD (signal), error))
    goto fail;
  return raad_store_commit (store, error);

fail:
  raad_store_rollback (store);
  return FALSE;
}

gboolean
raad_signals_undelete (RaadSignal  *signal,
                       GError     **error)
{
  RaadStore *store = raad_record_get_store (RAAD_RECORD (signal));
  const char *item_id = string_of (signal, "agenda-item-id");
  g_autoptr(RaadRecord) item = item_id != NULL ? raad_record_load (store, item_id, NULL) : NULL;

  if (!raad_store_begin (store, error))
    return FALSE;
  if (!raad_record_undelete (RAAD_RECORD (signal), error))
    goto fail;
  if (item != NULL && RAAD_IS_AGENDA_ITEM (item) && !raad_record_get_deleted (item)
      && !item_lists (item, raad_record_get_id (RAAD_RECORD (signal)))
      && !set_listed (item, raad_record_get_id (RAAD_RECORD (signal)), TRUE, error))
    goto fail;
  return raad_store_commit (store, error);

fail:
  raad_store_rollback (store);
  return FALSE;
}

GPtrArray *
raad_signals_for_agenda_item (RaadAgendaItem *item)
{
  RaadStore *store = raad_record_get_store (RAAD_RECORD (item));
  const char * const *ids = raad_record_get_strv (RAAD_RECORD (item), "signal-ids");
  GPtrArray *signals = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(RaadRecord) signal = raad_record_load (store, ids[i], NULL);

      if (signal != NULL && RAAD_IS_SIGNAL (signal) && !raad_record_get_deleted (signal))
        g_ptr_array_add (signals, g_steal_pointer (&signal));
    }
  return signals;
}
