/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-signals.c: the constituency page through the real window: log, follow to the agenda, feed back */
#define G_LOG_DOMAIN "test-signals"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "raad-agenda.h"
#include "raad-agenda-dialogs.h"
#include "raad-agenda-page.h"
#include "raad-agenda-page-private.h"
#include "raad-application.h"
#include "raad-screenshot.h"
#include "raad-signals.h"
#include "raad-signals-page.h"
#include "raad-signals-page-private.h"
#include "raad-test-util.h"
#include "raad-ui-test.h"
#include "raad-window.h"
#include "raad-window-private.h"

#define TIMEOUT_MS raad_test_timeout_ms (10000)
#define TEXT "Bewoners vinden de warme maaltijd te vroeg: om half twaalf."

static RaadApplication *app;

typedef struct
{
  RaadStore  *store;
  RaadWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = raad_test_store_new ();
  fixture->window = raad_ui_test_open_window (app, fixture->store, 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  raad_ui_test_close_toplevels ();
  g_assert_finalize_object (fixture->store);
}

typedef struct
{
  RaadSignalsPage *page;
  guint            n;
  const char      *id;
} ListWait;

static gboolean
list_holds (gpointer data)
{
  ListWait *wait = data;

  return g_list_model_get_n_items (G_LIST_MODEL (_raad_signals_page_get_signals (wait->page))) == wait->n;
}

typedef struct
{
  ListWait       list;
  GtkAdjustment *adjustment;
} ScrollWait;

/* Scrolls to the end (again: the list view's size of what is not in view is an estimate that
 * the rows it makes correct) until the row of the id is made. */
static gboolean
scrolled_to (gpointer data)
{
  ScrollWait *wait = data;

  gtk_adjustment_set_value (wait->adjustment, gtk_adjustment_get_upper (wait->adjustment));
  return _raad_signals_page_get_row (wait->list.page, wait->list.id) != NULL;
}

static gboolean
row_is_made (gpointer data)
{
  ListWait *wait = data;

  return _raad_signals_page_get_row (wait->page, wait->id) != NULL;
}

/* How many rows the list view has made (the ones in view, and a few more). */
static guint
count_made_rows (RaadSignalsPage *page)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (_raad_signals_page_get_list (page)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_first_child (child) != NULL
        && _raad_signals_page_row_get_id (gtk_widget_get_first_child (child)) != NULL)
      n++;
  return n;
}

static gboolean
folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static const char *
status_title (RaadSignalsPage *page)
{
  GtkWidget *row = raad_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "status");

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static gboolean
status_is_gone (gpointer data)
{
  return g_strcmp0 (status_title (data), "No longer on the agenda") == 0;
}

static gboolean
status_is_on_agenda (gpointer data)
{
  return g_strcmp0 (status_title (data), "On the agenda") == 0;
}

static AdwViewStack *
view_stack (RaadWindow *window)
{
  return ADW_VIEW_STACK (raad_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));
}

static RaadSignalsPage *
open_constituency (RaadWindow *window)
{
  GtkWidget *page;

  adw_view_stack_set_visible_child_name (view_stack (window), "constituency");
  page = raad_ui_test_find_widget (GTK_WIDGET (window), RAAD_TYPE_SIGNALS_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (raad_test_wait_until (raad_ui_test_painted, page, TIMEOUT_MS));
  return RAAD_SIGNALS_PAGE (page);
}

static GtkWidget *
field (RaadSignalsPage *page,
       const char      *name)
{
  GtkWidget *widget = raad_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, name);

  if (widget == NULL)
    widget = raad_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY, name);
  g_assert_nonnull (widget);
  return widget;
}

static void
set_field (RaadSignalsPage *page,
           const char      *name,
           const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (page, name)), text);
}

static const char *
get_field (RaadSignalsPage *page,
           const char      *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (field (page, name)));
}

/* The ids of the signals the list shows, in its order (its model: the list view makes rows
 * for the ones in view only). */
static GPtrArray *
list_rows (RaadSignalsPage *page)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  RaadRecordList *signals = _raad_signals_page_get_signals (page);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (signals));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_strdup (raad_record_list_get_id (signals, i)));
  return rows;
}

static gboolean
toast_is (RaadSignalsPage *page,
          const char      *prefix)
{
  AdwToast *toast = _raad_signals_page_get_last_toast (page);

  return toast != NULL && g_str_has_prefix (adw_toast_get_title (toast), prefix);
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
test_loop (Fixture       *fixture,
           gconstpointer  data)
{
  RaadSignalsPage *page;
  RaadAgendaPage *agenda;
  RaadSignal *signal;
  g_autoptr(RaadSignal) logged = NULL;
  g_autoptr(RaadMeeting) meeting = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(RaadRecord) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_string ();
  g_autofree char *due = raad_signals_date_add_days (today, RAAD_SIGNALS_FEEDBACK_DAYS);
  g_autofree char *meeting_date = raad_signals_date_add_days (today, 14);
  g_autofree char *signal_id = NULL;
  GtkWindow *dialog;
  GtkListBoxRow *found = NULL;
  const char *council_id;
  guint n_before, n_stored;

  /* The example organisation, then the constituency page of the current council. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-example", NULL));
  g_assert_true (raad_test_wait_until (raad_ui_test_window_is_main, fixture->window, TIMEOUT_MS));
  page = open_constituency (fixture->window);
  council_id = raad_signals_page_get_council_id (page);
  g_assert_nonnull (council_id);

  /* The list: the council's signals, overdue feedback first, as the store orders them. */
  expected = raad_signals_list (fixture->store, council_id, NULL, NULL, today);
  g_assert_cmpuint (expected->len, >, 3);
  g_assert_true (raad_signals_feedback_overdue (expected->pdata[0], today));
  rows = list_rows (page);
  g_assert_cmpuint (rows->len, ==, expected->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (rows->pdata[i], ==, raad_record_get_id (expected->pdata[i]));
  /* Overdue is said in words, not only shown in colour, on the first row on screen. */
  {
    ListWait wait = { page, 0, rows->pdata[0] };
    GtkWidget *first, *overdue;

    g_assert_true (raad_test_wait_until (row_is_made, &wait, TIMEOUT_MS));
    first = _raad_signals_page_get_row (page, rows->pdata[0]);
    g_assert_cmpstr (_raad_signals_page_row_get_id (first), ==, rows->pdata[0]);
    overdue = raad_ui_test_find_widget (first, GTK_TYPE_LABEL, "overdue");
    g_assert_nonnull (overdue);
    g_assert_true (gtk_widget_get_visible (overdue));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (overdue)), "Feedback overdue since"));
    g_assert_true (gtk_widget_has_css_class (first, "raad-signal-overdue"));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (raad_ui_test_find_widget (first, GTK_TYPE_LABEL, "title"))), ==,
                     raad_record_get_string (expected->pdata[0], "theme"));

    /* A signal edited elsewhere: its row shows the edit, and the rows stay the same widgets
     * (nothing is rebuilt for one signal). */
    {
      GtkWidget *second = _raad_signals_page_get_row (page, rows->pdata[1]);

      g_assert_nonnull (second);
      g_object_set (expected->pdata[1], "text", "Elders aangevuld: de klok in de huiskamer loopt achter.", NULL);
      g_assert_true (raad_record_save (expected->pdata[1], &error));
      g_assert_no_error (error);
      for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
        ;
      g_assert_true (_raad_signals_page_get_row (page, rows->pdata[0]) == first);
      g_assert_true (_raad_signals_page_get_row (page, rows->pdata[1]) == second);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (raad_ui_test_find_widget (second, GTK_TYPE_LABEL, "text"))), ==,
                       "Elders aangevuld: de klok in de huiskamer loopt achter.");
    }
  }
  n_before = rows->len;
  n_stored = raad_store_count (fixture->store, "signal");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Log a signal through the form: the date, raised by and feedback due come filled in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.new", NULL));
  g_assert_null (_raad_signals_page_get_signal (page));
  g_assert_cmpstr (get_field (page, "received"), ==, today);
  g_assert_cmpstr (get_field (page, "feedback-due"), ==, due);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (raad_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW,
                                                                            "raised-by-kind"))), ==, 0);
  /* Without a theme: refused in words, nothing written. */
  set_field (page, "location", "Rozengaard");
  set_field (page, "text", TEXT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.save", NULL));
  g_assert_cmpuint (raad_store_count (fixture->store, "signal"), ==, n_stored);
  g_assert_true (gtk_widget_get_visible (raad_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "error")));
  g_assert_null (_raad_signals_page_get_signal (page));
  set_field (page, "theme", "Eten en drinken");
  adw_combo_row_set_selected (ADW_COMBO_ROW (raad_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "source")), 1);
  set_field (page, "raised-by", "Bewoners van de Rozengaard");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.save", NULL));
  signal = _raad_signals_page_get_signal (page);
  g_assert_nonnull (signal);
  logged = g_object_ref (signal);
  signal_id = g_strdup (raad_record_get_id (RAAD_RECORD (signal)));
  g_assert_true (raad_record_is_saved (RAAD_RECORD (signal)));
  {
    g_autoptr(JsonObject) body = raad_store_get (fixture->store, signal_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (body, "council_id"), ==, council_id);
    g_assert_cmpstr (json_object_get_string_member (body, "received"), ==, today);
    g_assert_cmpstr (json_object_get_string_member (body, "source"), ==, "department-meeting");
    g_assert_cmpstr (json_object_get_string_member (body, "location"), ==, "Rozengaard");
    g_assert_cmpstr (json_object_get_string_member (body, "theme"), ==, "Eten en drinken");
    g_assert_cmpstr (json_object_get_string_member (body, "text"), ==, TEXT);
    g_assert_cmpstr (json_object_get_string_member (body, "raised_by_kind"), ==, "group");
    g_assert_cmpstr (json_object_get_string_member (body, "status"), ==, "new");
    g_assert_true (json_object_get_boolean_member (body, "feedback_owed"));
    g_assert_cmpstr (json_object_get_string_member (body, "feedback_due"), ==, due);
  }
  rows = list_rows (page);
  g_assert_cmpuint (rows->len, ==, n_before + 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Feedback cannot be recorded yet: the step is not offered. */
  set_field (page, "feedback-how", "In de huiskamer");
  gtk_widget_activate_action (GTK_WIDGET (page), "signals.record-feedback", NULL);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "new");
  g_assert_null (raad_record_get_string (RAAD_RECORD (signal), "feedback-given"));

  /* No meeting planned: the page offers to plan one, which opens the new meeting dialog on
   * the meetings page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.put-on-agenda", NULL));
  dialog = _raad_signals_page_get_last_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "new");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "plan");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack (fixture->window)), ==, "meetings");
  agenda = RAAD_AGENDA_PAGE (raad_ui_test_find_widget (GTK_WIDGET (fixture->window), RAAD_TYPE_AGENDA_PAGE, NULL));
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    GtkWindow *meeting_dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (g_object_get_data (l->data, "raad-page") == (gpointer) agenda && gtk_widget_get_visible (l->data))
        meeting_dialog = l->data;
    g_assert_nonnull (meeting_dialog);
    gtk_window_destroy (meeting_dialog);
  }

  /* With a meeting planned, one step puts the signal on its agenda, linked both ways. */
  meeting = raad_agenda_create_meeting (fixture->store, council_id, meeting_date, "19:30", "21:30",
                                        RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  page = open_constituency (fixture->window);
  g_assert_true (_raad_signals_page_get_signal (page) == signal);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.put-on-agenda", NULL));
  g_assert_true (toast_is (page, "Put on the agenda of"));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "on-agenda");
  /* Undo takes it off again (the item made for it goes too), then once more. */
  item = raad_record_load (fixture->store, raad_record_get_string (RAAD_RECORD (signal), "agenda-item-id"),
                           &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (_raad_signals_page_get_last_toast (page), "button-clicked");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "new");
  g_assert_true (raad_record_get_deleted (item));
  g_clear_object (&item);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.put-on-agenda", NULL));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "on-agenda");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "meeting-id"), ==,
                   raad_record_get_id (RAAD_RECORD (meeting)));
  item = raad_record_load (fixture->store, raad_record_get_string (RAAD_RECORD (signal), "agenda-item-id"),
                           &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (raad_record_get_strv (item, "signal-ids"), ((const char *[]) { signal_id, NULL }));
  g_assert_null (strstr (raad_record_get_string (item, "title"), "half twaalf"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (raad_ui_test_find_widget (GTK_WIDGET (page),
                                                                                    ADW_TYPE_ACTION_ROW,
                                                                                    "status"))),
                   ==, "On the agenda");

  /* The item is there on the meetings page, in the meeting's agenda. */
  adw_view_stack_set_visible_child_name (view_stack (fixture->window), "meetings");
  raad_agenda_page_open_meeting (agenda, raad_record_get_id (RAAD_RECORD (meeting)));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (_raad_agenda_page_get_agenda_list (agenda)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && _raad_agenda_page_row_get_item (GTK_LIST_BOX_ROW (child))
        == (gpointer) item)
      found = GTK_LIST_BOX_ROW (child);
  g_assert_nonnull (found);
  g_test_message ("agenda item: %s", raad_record_get_string (item, "title"));
  /* Its editor shows the signal read-only: theme and location, not the text. */
  {
    GtkWindow *editor = raad_agenda_item_editor_new (agenda, RAAD_AGENDA_ITEM (item));
    GtkWidget *signal_row = raad_ui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "signal");

    g_assert_nonnull (signal_row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (signal_row)), ==, "Eten en drinken");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (signal_row)), "Rozengaard"));
    gtk_window_destroy (editor);
  }

  /* The item removed on the meetings page: the signal says it is no longer on the agenda. */
  gtk_list_box_select_row (_raad_agenda_page_get_agenda_list (agenda), found);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (found), "agenda.remove-item", NULL));
  g_assert_true (raad_record_get_deleted (item));
  page = open_constituency (fixture->window);
  g_assert_true (raad_test_wait_until (status_is_gone, page, TIMEOUT_MS));
  g_signal_emit_by_name (_raad_agenda_page_get_last_toast (agenda), "button-clicked");
  g_assert_false (raad_record_get_deleted (item));
  g_assert_true (raad_test_wait_until (status_is_on_agenda, page, TIMEOUT_MS));

  /* Handled, then feedback given, through the form. */
  set_field (page, "outcome", "Keuken serveert de warme maaltijd voortaan om half een.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.record-handled", NULL));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "handled");
  set_field (page, "feedback-how", "Verteld in het huiskamergesprek");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.record-feedback", NULL));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "status"), ==, "feedback-given");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "feedback-given"), ==, today);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (signal), "feedback-how"), ==,
                   "Verteld in het huiskamergesprek");

  /* Filter by location: only that location's signals (the one of the first in the list). */
  {
    GtkDropDown *filter = _raad_signals_page_get_filter (page, "location");
    GListModel *model = gtk_drop_down_get_model (filter);
    g_autofree char *location = g_strdup (raad_record_get_string (expected->pdata[0], "location"));
    g_autoptr(GPtrArray) there = raad_signals_list (fixture->store, council_id, location, NULL, today);
    guint at = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), location) == 0)
        at = i;
    g_assert_cmpuint (at, !=, G_MAXUINT);
    gtk_drop_down_set_selected (filter, at);
    rows = list_rows (page);
    g_test_message ("location %s: %u of %u signals", location, rows->len, n_before + 1);
    g_assert_cmpuint (rows->len, ==, there->len);
    g_assert_cmpuint (rows->len, <, n_before + 1);
    /* The rows on screen show them at once (a row keeps its place and takes the signal now
     * there): the first row is the first of that location. */
    {
      GtkWidget *first = _raad_signals_page_get_row (page, rows->pdata[0]);
      g_autoptr(RaadRecord) shown = raad_record_load (fixture->store, rows->pdata[0], NULL);

      g_assert_nonnull (first);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (raad_ui_test_find_widget (first, GTK_TYPE_LABEL, "title"))), ==,
                       raad_record_get_string (shown, "theme"));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (raad_ui_test_find_widget (first, GTK_TYPE_LABEL, "details"))),
                                location));
    }
    for (guint i = 0; i < rows->len; i++)
      {
        g_autoptr(RaadRecord) shown = raad_record_load (fixture->store,
                                                        rows->pdata[i], NULL);

        g_assert_cmpstr (raad_record_get_string (shown, "location"), ==, location);
      }
    g_clear_pointer (&rows, g_ptr_array_unref);
    gtk_drop_down_set_selected (filter, 0);
    rows = list_rows (page);
    g_assert_cmpuint (rows->len, ==, n_before + 1);
    g_clear_pointer (&rows, g_ptr_array_unref);
  }

  /* Screenshots, wide, with the signal open. */
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "signals-1280x800.png", 1280);
  {
    GtkWidget *scroller = raad_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, "detail-scroller");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    GtkStack *views = GTK_STACK (raad_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_STACK, "view-stack"));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    gtk_stack_set_visible_child_name (views, "themes");
    raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "signals-themes-follow-up-1280x800.png", 1280);
    gtk_stack_set_visible_child_name (views, "signals");
  }

  /* Delete with Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.delete", NULL));
  g_assert_true (raad_record_get_deleted (RAAD_RECORD (logged)));
  g_assert_true (toast_is (page, "Signal"));
  rows = list_rows (page);
  g_assert_cmpuint (rows->len, ==, n_before);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_signal_emit_by_name (_raad_signals_page_get_last_toast (page), "button-clicked");
  g_assert_false (raad_record_get_deleted (RAAD_RECORD (logged)));
  rows = list_rows (page);
  g_assert_cmpuint (rows->len, ==, n_before + 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Many signals (more than the list view keeps rows for): all of them in the list, which
   * makes rows only for the ones in and near the view and
   * scrolls to the last (no "Show more"); a row opens its signal. */
  g_assert_true (raad_store_begin (fixture->store, &error));
  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(RaadSignal) extra = raad_signal_new (fixture->store);
      g_autofree char *received = raad_signals_date_add_days (today, -(int) (i % 300));

      g_object_set (extra, "council-id", council_id, "received", received, "source", "survey",
                    "location", "Proeflocatie", "theme", "Proefthema", "text", "Enquêteantwoord",
                    NULL);
      g_assert_true (raad_signals_save (extra, &error));
    }
  g_assert_true (raad_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  {
    guint total = n_before + 1 + 400;
    ListWait wait = { page, total, NULL };
    g_autoptr(GPtrArray) all = NULL;
    GtkWidget *scroller = raad_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, "signal-scroller");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    g_assert_true (raad_test_wait_until (list_holds, &wait, TIMEOUT_MS));
    rows = list_rows (page);
    all = raad_signals_list_ids (fixture->store, council_id, NULL, NULL, today);
    g_assert_cmpuint (rows->len, ==, all->len);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpstr (rows->pdata[i], ==, all->pdata[i]);
    g_assert_true (raad_test_wait_until (raad_ui_test_painted, page, TIMEOUT_MS));
    g_test_message ("%u rows made for %u signals", count_made_rows (page), total);
    g_assert_cmpuint (count_made_rows (page), <, total);
    g_assert_null (_raad_signals_page_get_row (page, rows->pdata[total - 1]));
    {
      ScrollWait scroll = { { page, total, rows->pdata[total - 1] }, adjustment };

      g_assert_true (raad_test_wait_until (scrolled_to, &scroll, TIMEOUT_MS));
      g_test_message ("scrolled to %.0f of %.0f px", gtk_adjustment_get_value (adjustment),
                      gtk_adjustment_get_upper (adjustment));
    }
    wait.id = rows->pdata[total - 1];
    g_signal_emit_by_name (_raad_signals_page_get_list (page), "activate", total - 1);
    g_assert_nonnull (_raad_signals_page_get_signal (page));
    g_assert_cmpstr (raad_record_get_id (RAAD_RECORD (_raad_signals_page_get_signal (page))), ==,
                     rows->pdata[total - 1]);
    g_assert_true (gtk_widget_has_css_class (_raad_signals_page_get_row (page, wait.id),
                                             "raad-signal-open"));
    g_clear_pointer (&rows, g_ptr_array_unref);
  }

  /* Narrow: the list, then a signal over it. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = raad_ui_test_open_window (app, fixture->store, 360, 720);
  page = open_constituency (fixture->window);
  /* The page itself fits in 360 px (the window's width also depends on the other pages). */
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("constituency page: at least %d px wide", min);
    g_assert_cmpint (min, <=, 360);
  }
  g_assert_true (raad_test_wait_until (folded, raad_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_LEAFLET, NULL),
                                       TIMEOUT_MS));
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "signals-list-360.png", 360);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "signals.new", NULL));
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "signals-form-360.png", 360);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = raad_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/signals/loop", Fixture, NULL, fixture_set_up, test_loop, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
