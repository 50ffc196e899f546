/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-agenda.c: the meetings page and agenda builder through the real window */
#define G_LOG_DOMAIN "test-agenda"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <poppler.h>

#include "raad-agenda.h"
#include "raad-agenda-dialogs.h"
#include "raad-agenda-page.h"
#include "raad-agenda-page-private.h"
#include "raad-application.h"
#include "raad-council.h"
#include "raad-schedule.h"
#include "raad-screenshot.h"
#include "raad-test-util.h"
#include "raad-ui-test.h"
#include "raad-window.h"
#include "raad-window-private.h"

#define TIMEOUT_MS raad_test_timeout_ms (10000)
#define SUBJECT "Begroting 2027"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

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

static gboolean
list_has_row (gpointer list)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) != NULL;
}

static gboolean
has_document_error (gpointer dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "raad-document-error") != NULL;
}

static RaadAgendaPage *
open_meetings (RaadWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (raad_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));
  GtkWidget *page;

  adw_view_stack_set_visible_child_name (stack, "meetings");
  page = raad_ui_test_find_widget (GTK_WIDGET (window), RAAD_TYPE_AGENDA_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (raad_test_wait_until (raad_ui_test_painted, page, TIMEOUT_MS));
  return RAAD_AGENDA_PAGE (page);
}

/* Drags @from onto @to through the rows' own drag source and drop target: what GTK calls when
 * a pointer drags one row onto another. */
static gboolean
drag_row_onto (GtkWidget *from,
               GtkWidget *to)
{
  g_autoptr(GListModel) from_controllers = gtk_widget_observe_controllers (from);
  g_autoptr(GListModel) to_controllers = gtk_widget_observe_controllers (to);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDragSource *source = NULL;
  GtkDropTarget *target = NULL;
  gboolean dropped = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (from_controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (from_controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        source = GTK_DRAG_SOURCE (controller);
    }
  for (guint i = 0; i < g_list_model_get_n_items (to_controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (to_controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (source);
  g_assert_nonnull (target);
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &provider);
  g_assert_nonnull (provider);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (provider, &value, NULL));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  return dropped;
}

/* The agenda rows that show an item, in screen order. */
static GPtrArray *
item_rows (RaadAgendaPage *page)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list = GTK_WIDGET (_raad_agenda_page_get_agenda_list (page));

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && _raad_agenda_page_row_get_item (GTK_LIST_BOX_ROW (child)))
      g_ptr_array_add (rows, child);
  return rows;
}

static const char *
row_label (GtkWidget  *row,
           const char *name)
{
  GtkWidget *label = raad_ui_test_find_widget (row, GTK_TYPE_LABEL, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkListBoxRow *
focused_row (RaadWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus == NULL)
    return NULL;
  return GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
}

/* The page's class binds Alt+Up to agenda.move-up (what the test then activates). */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *a = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_strcmp0 (t, trigger) == 0 && strstr (a, action) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
    }
  return g_string_free (text, FALSE);
}

static void
test_builder (Fixture       *fixture,
              gconstpointer  data)
{
  RaadAgendaPage *page;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RaadRecord) meeting = NULL;
  g_auto(GStrv) requests = NULL;
  g_autofree char *dir = raad_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "agenda.pdf", NULL);
  g_autofree char *ics = g_build_filename (dir, "meeting.ics", NULL);
  g_autofree char *text = NULL;
  g_autofree char *ics_text = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *advice_id = NULL;
  g_autoptr(GError) error = NULL;
  RaadAgendaItem *advice;
  GtkListBoxRow *row;
  guint start, position = G_MAXUINT, expected;

  /* The example organisation, then the meetings page of the current council. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-example", NULL));
  g_assert_true (raad_test_wait_until (raad_ui_test_window_is_main, fixture->window, TIMEOUT_MS));
  page = open_meetings (fixture->window);
  g_assert_nonnull (raad_agenda_page_get_council_id (page));

  /* A new meeting from the template, through the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agenda.new-meeting", NULL));
  dialog = raad_ui_test_find_dialog (page);
  g_assert_nonnull (dialog);
  raad_ui_test_set_field (dialog, "date", "2031-03-06");
  raad_ui_test_set_field (dialog, "start", "19:30");
  raad_ui_test_set_field (dialog, "end", "20:45");
  raad_ui_test_set_field (dialog, "place", "Zaal De Linde, Amersfoort");
  raad_ui_test_set_field (dialog, "guests", "K. Dijkstra (bestuurder)");
  raad_ui_test_save_dialog (dialog);
  g_assert_nonnull (raad_agenda_page_get_meeting_id (page));
  meeting_id = g_strdup (raad_agenda_page_get_meeting_id (page));
  meeting = raad_record_load (fixture->store, meeting_id, NULL);
  g_assert_cmpstr (raad_record_get_string (meeting, "council_id"), ==,
                   raad_agenda_page_get_council_id (page));
  g_assert_cmpstr (raad_record_get_string (meeting, "place"), ==, "Zaal De Linde, Amersfoort");
  rows = item_rows (page);
  g_assert_cmpuint (rows->len, ==, 7);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* An advice request, through its dialog, put on the agenda in one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agenda.new-request", NULL));
  dialog = raad_ui_test_find_dialog (page);
  g_assert_nonnull (dialog);
  raad_ui_test_set_field (dialog, "letter", "g");
  raad_ui_test_set_field (dialog, "subject", SUBJECT);
  raad_ui_test_set_field (dialog, "deadline", "2031-03-20");
  raad_ui_test_save_dialog (dialog);
  requests = raad_store_list_ids (fixture->store, "request");
  g_assert_cmpuint (g_strv_length (requests), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agenda.put-on-agenda", "s",
                                             requests[0]));
  g_assert_cmpstr (raad_agenda_page_get_meeting_id (page), ==, meeting_id);

  items = raad_agenda_list_items (fixture->store, meeting_id);
  g_assert_cmpuint (items->len, ==, 8);
  advice = items->pdata[6];
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (advice), "title"), ==, SUBJECT);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (advice), "purpose"), ==, "advice-request");
  advice_id = g_strdup (raad_record_get_id (RAAD_RECORD (advice)));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Focus its row and move it up with the Alt+Up binding's action. */
  g_assert_true (has_shortcut (GTK_WIDGET (page), "<Alt>Up", "agenda.move-up"));
  rows = item_rows (page);
  g_assert_cmpuint (rows->len, ==, 8);
  g_assert_true (_raad_agenda_page_row_get_item (rows->pdata[6]) == advice);
  g_assert_cmpstr (row_label (rows->pdata[6], "number"), ==, "7");
  gtk_list_box_select_row (_raad_agenda_page_get_agenda_list (page), rows->pdata[6]);
  gtk_widget_grab_focus (rows->pdata[6]);
  g_assert_true (focused_row (fixture->window) == rows->pdata[6]);
  g_assert_true (gtk_widget_activate_action (rows->pdata[6], "agenda.move-up", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The store: one place up. */
  items = raad_agenda_list_items (fixture->store, meeting_id);
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (raad_record_get_id (items->pdata[i]), advice_id) == 0)
      position = i;
  g_assert_cmpuint (position, ==, 5);
  g_assert_cmpstr (raad_record_get_string (items->pdata[6], "standard"), ==, "any-other-business");
  g_assert_cmpstr (raad_record_get_string (items->pdata[4], "standard"), ==, "exchange");

  /* The focus stayed on the moved item's row; numbers and times follow on screen. */
  row = focused_row (fixture->window);
  g_assert_nonnull (row);
  g_assert_cmpstr (raad_record_get_id (RAAD_RECORD (_raad_agenda_page_row_get_item (row))), ==,
                   advice_id);
  rows = item_rows (page);
  g_assert_true (rows->pdata[5] == (gpointer) row);
  g_assert_true (raad_schedule_parse_time ("19:30", &start));
  expected = start;
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *time = g_strdup_printf ("%02u:%02u", expected / 60, expected % 60);
      guint duration = 0;

      g_assert_cmpstr (row_label (rows->pdata[i], "number"), ==, number);
      g_assert_cmpstr (row_label (rows->pdata[i], "time"), ==, time);
      g_object_get (items->pdata[i], "duration", &duration, NULL);
      expected += duration;
    }
  g_test_message ("advice item shown as %s at %s", row_label (rows->pdata[5], "number"),
                  row_label (rows->pdata[5], "time"));

  /* Drag and drop: "any other business" dropped on the advice item goes before it, and back. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = item_rows (page);
  g_assert_true (drag_row_onto (rows->pdata[6], rows->pdata[5]));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = raad_agenda_list_items (fixture->store, meeting_id);
  g_assert_cmpstr (raad_record_get_string (items->pdata[5], "standard"), ==, "any-other-business");
  g_assert_cmpstr (raad_record_get_id (items->pdata[6]), ==, advice_id);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = item_rows (page);
  g_assert_cmpstr (raad_record_get_id (RAAD_RECORD (_raad_agenda_page_row_get_item (rows->pdata[6]))),
                   ==, advice_id);
  g_assert_cmpstr (row_label (rows->pdata[6], "number"), ==, "7");
  /* An item dropped on itself stays. */
  g_assert_false (drag_row_onto (rows->pdata[6], rows->pdata[6]));
  g_assert_true (drag_row_onto (rows->pdata[6], rows->pdata[5]));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = raad_agenda_list_items (fixture->store, meeting_id);
  g_assert_cmpstr (raad_record_get_id (items->pdata[5]), ==, advice_id);
  g_assert_cmpstr (raad_record_get_string (items->pdata[6], "standard"), ==, "any-other-business");
  row = focused_row (fixture->window);
  g_assert_nonnull (row);
  g_assert_cmpstr (raad_record_get_id (RAAD_RECORD (_raad_agenda_page_row_get_item (row))), ==,
                   advice_id);

  /* Exports of the open meeting, read back. */
  g_assert_true (_raad_agenda_page_export_to (page, RAAD_AGENDA_EXPORT_PDF, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, SUBJECT));
  g_assert_nonnull (strstr (text, "Zaal De Linde"));
  g_assert_true (strstr (text, "Information exchange") < strstr (text, SUBJECT));
  g_assert_true (strstr (text, SUBJECT) < strstr (text, "Any other business"));

  g_assert_true (_raad_agenda_page_export_to (page, RAAD_AGENDA_EXPORT_ICS, ics, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ics, &ics_text, NULL, &error));
  {
    icalcomponent *calendar = icalparser_parse_string (ics_text);
    icalcomponent *event;
    struct icaltimetype dtstart;
    g_autofree char *uid = g_strdup_printf ("%s@raadswerk", meeting_id);

    g_assert_nonnull (calendar);
    event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
    g_assert_nonnull (event);
    g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
    dtstart = icalcomponent_get_dtstart (event);
    g_assert_cmpint (dtstart.year, ==, 2031);
    g_assert_cmpint (dtstart.month, ==, 3);
    g_assert_cmpint (dtstart.day, ==, 6);
    g_assert_cmpint (dtstart.hour, ==, 19);
    g_assert_cmpint (dtstart.minute, ==, 30);
    g_assert_nonnull (strstr (icalcomponent_get_description (event), SUBJECT));
    icalcomponent_free (calendar);
  }

  /* Remove with Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "agenda.remove-item", NULL));
  {
    g_autoptr(GPtrArray) after = raad_agenda_list_items (fixture->store, meeting_id);
    AdwToast *toast = _raad_agenda_page_get_last_toast (page);

    g_assert_cmpuint (after->len, ==, 7);
    g_assert_nonnull (toast);
    g_signal_emit_by_name (toast, "button-clicked");
  }
  {
    g_autoptr(GPtrArray) back = raad_agenda_list_items (fixture->store, meeting_id);

    g_assert_cmpuint (back->len, ==, 8);
    g_assert_cmpstr (raad_record_get_id (back->pdata[5]), ==, advice_id);
  }

  /* Screenshots of the builder, wide and narrow. */
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "agenda-1280x800.png", 1280);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = raad_ui_test_open_window (app, fixture->store, 360, 720);
  page = open_meetings (fixture->window);
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "agenda-list-360.png", 360);
  raad_agenda_page_open_meeting (page, meeting_id);
  raad_ui_test_take_screenshot (GTK_WIDGET (fixture->window), "agenda-360.png", 360);
}

static guint
count_named (GtkWidget  *widget,
             GType       type,
             const char *name)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
            && g_strcmp0 (gtk_widget_get_name (widget), name) == 0 ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_named (child, type, name);
  return n;
}

static GtkWidget *
request_row (RaadAgendaPage *page,
             RaadRecord     *request)
{
  GtkWidget *list = GTK_WIDGET (_raad_agenda_page_get_request_list (page));

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child)
        && _raad_agenda_page_row_get_request (GTK_LIST_BOX_ROW (child)) == (gpointer) request)
      return child;
  return NULL;
}

static char *
date_in_days (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  RaadAgendaPage *page;
  GtkWindow *dialog;
  GtkWidget *owner, *list, *button, *row;
  g_autoptr(RaadMeeting) first = NULL;
  g_autoptr(RaadMeeting) second = NULL;
  g_autoptr(RaadRecord) point = NULL;
  g_autoptr(RaadRequest) request = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) points = NULL;
  g_autofree char *today = date_in_days (0);
  g_autofree char *deadline = date_in_days (5);
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *item_id = NULL;
  RaadAgendaItem *announcements;
  const char *council_id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-example", NULL));
  g_assert_true (raad_test_wait_until (raad_ui_test_window_is_main, fixture->window, TIMEOUT_MS));
  page = open_meetings (fixture->window);
  council_id = raad_agenda_page_get_council_id (page);
  g_assert_nonnull (council_id);

  first = raad_agenda_create_meeting (fixture->store, council_id, "2031-03-06", "19:30", "21:30",
                                      RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  second = raad_agenda_create_meeting (fixture->store, council_id, "2031-04-03", "19:30", "21:30",
                                       RAAD_AGENDA_FROM_TEMPLATE, &error);
  g_assert_no_error (error);
  first_id = g_strdup (raad_record_get_id (RAAD_RECORD (first)));
  second_id = g_strdup (raad_record_get_id (RAAD_RECORD (second)));

  /* An action point on the first meeting's announcements, through the item editor. */
  raad_agenda_page_open_meeting (page, first_id);
  g_assert_cmpuint (count_named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "close-action-point"), ==, 0);
  rows = item_rows (page);
  announcements = _raad_agenda_page_row_get_item (rows->pdata[3]);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (announcements), "standard"), ==,
                   "announcements");
  item_id = g_strdup (raad_record_get_id (RAAD_RECORD (announcements)));
  gtk_list_box_select_row (_raad_agenda_page_get_agenda_list (page), rows->pdata[3]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agenda.edit-item", NULL));
  dialog = raad_ui_test_find_dialog (page);
  g_assert_nonnull (dialog);
  list = raad_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "action-points");
  g_assert_nonnull (list);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  raad_ui_test_set_field (dialog, "action-text", "Rooster vrijwilligers opvragen");
  raad_ui_test_set_field (dialog, "action-due", "2031-03-27");
  owner = raad_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "action-owner");
  g_assert_nonnull (owner);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (owner))), >, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (owner), 1);
  button = raad_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "add-action-point");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  points = raad_store_list_ids (fixture->store, "action_point");
  g_assert_cmpuint (g_strv_length (points), ==, 1);
  point = raad_record_load (fixture->store, points[0], NULL);
  g_assert_cmpstr (raad_record_get_string (point, "text"), ==, "Rooster vrijwilligers opvragen");
  g_assert_cmpstr (raad_record_get_string (point, "council-id"), ==, council_id);
  g_assert_cmpstr (raad_record_get_string (point, "meeting-id"), ==, first_id);
  g_assert_cmpstr (raad_record_get_string (point, "item-id"), ==, item_id);
  g_assert_cmpstr (raad_record_get_string (point, "due"), ==, "2031-03-27");
  g_assert_nonnull (raad_record_get_string (point, "owner-id"));
  g_assert_null (raad_record_get_string (point, "done"));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Rooster vrijwilligers opvragen");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (raad_ui_test_find_widget (GTK_WIDGET (dialog),
                                                                     ADW_TYPE_ENTRY_ROW,
                                                                     "action-text"))), ==, "");

  /* A document attached through the editor is stored with the item and listed; an empty
   * file is refused with a message and adds nothing. */
  {
    g_autofree char *folder = raad_test_make_tmpdir ();
    g_autofree char *letter_path = g_build_filename (folder, "Brief vrijwilligers.pdf", NULL);
    g_autofree char *empty_path = g_build_filename (folder, "leeg.txt", NULL);
    g_autoptr(GFile) letter = g_file_new_for_path (letter_path);
    g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
    g_autoptr(RaadRecord) item = raad_record_load (fixture->store, item_id, NULL);
    GtkWidget *documents = raad_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "documents");
    GtkWidget *document_row;

    g_assert_nonnull (documents);
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (documents), 0));
    g_assert_true (g_file_set_contents (letter_path, "%PDF-1.4 vrijwilligers", -1, NULL));
    g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
    raad_agenda_item_editor_attach_file (dialog, letter);
    g_assert_true (raad_test_wait_until (list_has_row, documents, TIMEOUT_MS));
    document_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (documents), 0));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (document_row)), ==,
                     "Brief vrijwilligers.pdf");
    g_assert_true (raad_record_has_attachment (item, "Brief vrijwilligers.pdf"));
    raad_agenda_item_editor_attach_file (dialog, empty);
    g_assert_true (raad_test_wait_until (has_document_error, dialog, TIMEOUT_MS));
    g_assert_nonnull (strstr (g_object_get_data (G_OBJECT (dialog), "raad-document-error"), "leeg.txt"));
    g_assert_false (raad_record_has_attachment (item, "leeg.txt"));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (documents), 1));
    raad_test_remove_tree (folder);
  }

  /* The item editor with its action point (the dialog keeps its own size). */
  g_assert_true (raad_test_wait_until (raad_ui_test_painted, dialog, TIMEOUT_MS));
  raad_ui_test_take_screenshot (GTK_WIDGET (dialog), "agenda-item-editor.png",
                   480);
  gtk_window_destroy (dialog);

  /* Not on its own meeting's agenda; carried to the next one, and closed there. */
  g_assert_cmpuint (count_named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "close-action-point"), ==, 0);
  raad_agenda_page_open_meeting (page, second_id);
  g_assert_cmpuint (count_named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "close-action-point"), ==, 1);
  button = raad_ui_test_find_widget (GTK_WIDGET (_raad_agenda_page_get_agenda_list (page)), GTK_TYPE_BUTTON,
                        "close-action-point");
  row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (raad_ui_test_find_widget (row, GTK_TYPE_LABEL, NULL));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (raad_ui_test_find_widget (row, GTK_TYPE_LABEL, NULL))),
                            "Rooster vrijwilligers opvragen"));
  /* It sits under "minutes and action list": right after the third item. */
  rows = (g_ptr_array_unref (rows), item_rows (page));
  g_assert_true (gtk_widget_get_prev_sibling (row) == rows->pdata[2]);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (raad_record_get_string (point, "done"), ==, today);
  g_assert_cmpuint (count_named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "close-action-point"), ==, 0);
  {
    g_autoptr(GPtrArray) open = raad_agenda_open_action_points (fixture->store, council_id,
                                                                "2031-04-03");

    g_assert_cmpuint (open->len, ==, 0);
  }

  /* A request due in five days warns; its answer, entered in its dossier, ends the warning. */
  request = raad_request_new (fixture->store);
  g_object_set (request, "council-id", council_id, "kind", "advice", "article", "7",
                "letter", "g", "subject", SUBJECT, "received", today, "deadline", deadline,
                "status", "received", NULL);
  g_assert_true (raad_record_save (RAAD_RECORD (request), &error));
  g_assert_no_error (error);
  _raad_agenda_page_refresh (page);
  row = request_row (page, RAAD_RECORD (request));
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Due "));
  g_signal_emit_by_name (_raad_agenda_page_get_request_list (page), "row-activated", row);
  dialog = raad_ui_test_find_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (raad_ui_test_find_widget (GTK_WIDGET (dialog),
                                                                     ADW_TYPE_ENTRY_ROW,
                                                                     "subject"))), ==, SUBJECT);
  raad_ui_test_set_field (dialog, "answered", "not a date");
  raad_ui_test_save_dialog (dialog);
  g_assert_true (raad_ui_test_find_dialog (page) == dialog);
  g_assert_null (raad_record_get_string (RAAD_RECORD (request), "answered"));
  raad_ui_test_set_field (dialog, "answer", "Positief advies, met twee voorwaarden");
  raad_ui_test_set_field (dialog, "answered", today);
  raad_ui_test_set_field (dialog, "reply", "De bestuurder neemt de voorwaarden over");
  raad_ui_test_set_field (dialog, "replied", today);
  adw_combo_row_set_selected (ADW_COMBO_ROW (raad_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                          "status")), 3);
  raad_ui_test_save_dialog (dialog);
  g_assert_null (raad_ui_test_find_dialog (page));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (request), "answer"), ==,
                   "Positief advies, met twee voorwaarden");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (request), "answered"), ==, today);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (request), "reply"), ==,
                   "De bestuurder neemt de voorwaarden over");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (request), "status"), ==, "replied");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (request), "deadline"), ==, deadline);
  row = request_row (page, RAAD_RECORD (request));
  g_assert_nonnull (row);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Due "));

  /* A consent decided without it: the void window shows, through the same dossier. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agenda.edit-request", "s",
                                             raad_record_get_id (RAAD_RECORD (request))));
  dialog = raad_ui_test_find_dialog (page);
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (ADW_COMBO_ROW (raad_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                          "kind")), 1);
  raad_ui_test_set_field (dialog, "decided-without-consent", today);
  raad_ui_test_save_dialog (dialog);
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (request), "kind"), ==, "consent");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (request), "article"), ==, "8");
  g_assert_cmpint (raad_agenda_request_warning (request, today, NULL), ==,
                   RAAD_REQUEST_VOID_WINDOW);
  row = request_row (page, RAAD_RECORD (request));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "declared void"));

  /* Edit the second meeting, then delete it with its items, and undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agenda.edit-meeting", NULL));
  dialog = raad_ui_test_find_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (raad_ui_test_find_widget (GTK_WIDGET (dialog),
                                                                     ADW_TYPE_ENTRY_ROW,
                                                                     "date"))), ==, "2031-04-03");
  raad_ui_test_set_field (dialog, "date", "2031-04-10");
  raad_ui_test_set_field (dialog, "start", "14:00");
  raad_ui_test_set_field (dialog, "end", "16:00");
  raad_ui_test_set_field (dialog, "place", "Wijkcentrum De Horst");
  raad_ui_test_set_field (dialog, "online-link", "https://meet.example.org/raad");
  raad_ui_test_set_field (dialog, "guests", "K. Dijkstra (bestuurder), P. Smit");
  raad_ui_test_save_dialog (dialog);
  g_assert_null (raad_ui_test_find_dialog (page));
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (second), "date"), ==, "2031-04-10");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (second), "start-time"), ==, "14:00");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (second), "end-time"), ==, "16:00");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (second), "place"), ==, "Wijkcentrum De Horst");
  g_assert_cmpstr (raad_record_get_string (RAAD_RECORD (second), "online-link"), ==,
                   "https://meet.example.org/raad");
  g_assert_cmpuint (g_strv_length ((char **) raad_record_get_strv (RAAD_RECORD (second), "guests")),
                    ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = item_rows (page);
  g_assert_cmpstr (row_label (rows->pdata[0], "time"), ==, "14:00");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agenda.delete-meeting", NULL));
  g_assert_true (raad_record_get_deleted (RAAD_RECORD (second)));
  g_assert_null (raad_agenda_page_get_meeting_id (page));
  {
    g_autoptr(GPtrArray) items = raad_agenda_list_items (fixture->store, second_id);

    g_assert_cmpuint (items->len, ==, 0);
  }
  g_signal_emit_by_name (_raad_agenda_page_get_last_toast (page), "button-clicked");
  g_assert_false (raad_record_get_deleted (RAAD_RECORD (second)));
  g_assert_cmpstr (raad_agenda_page_get_meeting_id (page), ==, second_id);
  {
    g_autoptr(GPtrArray) items = raad_agenda_list_items (fixture->store, second_id);

    g_assert_cmpuint (items->len, ==, 7);
  }
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

  g_test_add ("/ui/agenda/builder", Fixture, NULL, fixture_set_up, test_builder,
              fixture_tear_down);
  g_test_add ("/ui/agenda/follow-up", Fixture, NULL, fixture_set_up, test_follow_up,
              fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
